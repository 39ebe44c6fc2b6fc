using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Projects;

public static class ChangeRequestKinds
{
    public const string Extension = "extension";
    public const string Content = "content";
}

/// <summary>Where a change request stands: waiting for the department, or decided once.</summary>
public enum ChangeRequestStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>Change request statuses as the API and the database spell them: the one mapping, both ways.</summary>
public static class ChangeRequestStatusText
{
    private static readonly Dictionary<ChangeRequestStatus, string> Texts = new()
    {
        [ChangeRequestStatus.Pending] = "pending",
        [ChangeRequestStatus.Approved] = "approved",
        [ChangeRequestStatus.Refused] = "refused",
    };

    private static readonly Dictionary<string, ChangeRequestStatus> Statuses = Texts.ToDictionary(t => t.Value, t => t.Key, StringComparer.Ordinal);

    public static string Of(ChangeRequestStatus status) => Texts[status];

    public static ChangeRequestStatus Parse(string text) =>
        Statuses.TryGetValue(text, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(text), text, "Unknown change request status.");
}

/// <summary>A change request (变更申请): an extension of the build period, or a change to the project's content.</summary>
public sealed class ChangeRequest
{
    private ChangeRequest() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Kind { get; private set; } = ChangeRequestKinds.Extension;
    public int? ExtensionMonths { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public ChangeRequestStatus Status { get; private set; } = ChangeRequestStatus.Pending;
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? DecisionReason { get; private set; }

    public bool IsPending => Status == ChangeRequestStatus.Pending;

    /// <summary>
    /// The enterprise asks, while <paramref name="project"/> is building, for a change: one waits at a time
    /// (<see cref="ChangeAlreadyPendingRule"/>; <paramref name="anotherPending"/> says whether one does), and an
    /// extension must pass the rule set's extension rules on the day it is asked.
    /// </summary>
    public static ChangeRequest Ask(FundingApplication project, string kind, int? extensionMonths, string reason, string by, DateTimeOffset at,
        RuleSet rules, bool anotherPending)
    {
        if (kind is not (ChangeRequestKinds.Extension or ChangeRequestKinds.Content))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A change is an extension or a change of content.");
        if (project.Status != ApplicationStatus.Building) throw new IllegalTransitionException(project.Status, "changed (only a project being built is)");
        Check.Rules(new ChangeAlreadyPendingRule(anotherPending));
        if (kind == ChangeRequestKinds.Extension)
            project.CheckExtension(extensionMonths ?? throw new ArgumentNullException(nameof(extensionMonths), "An extension says by how many months."), at, rules);
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A change request says why.", nameof(reason));
        return new ChangeRequest
        {
            Id = Guid.NewGuid(),
            ApplicationId = project.Id,
            Kind = kind,
            ExtensionMonths = kind == ChangeRequestKinds.Extension ? extensionMonths : null,
            Reason = reason.Trim(),
            RequestedAt = at,
            RequestedBy = by,
        };
    }

    /// <summary>The department approves or refuses the request, with its reason — once (<see cref="ChangeAlreadyDecidedRule"/>).</summary>
    public void Decide(bool approved, string by, string reason, DateTimeOffset at)
    {
        Check.Rules(new ChangeAlreadyDecidedRule(this));
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A decision gives its reason.", nameof(reason));
        Status = approved ? ChangeRequestStatus.Approved : ChangeRequestStatus.Refused;
        DecidedAt = at;
        DecidedBy = by;
        DecisionReason = reason.Trim();
    }
}
