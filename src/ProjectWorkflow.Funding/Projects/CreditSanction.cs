using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Funding.Projects;

/// <summary>
/// A bar from applying (失信惩戒) on an enterprise (by its USCC) or a project leader (by identity), from a recovery
/// until the rule set's years have passed — recorded on the credit platform, checked at every submission
/// (<see cref="Rules.EnterpriseUnderSanctionRule"/>).
/// </summary>
public sealed class CreditSanction
{
    public const string Enterprise = "enterprise";
    public const string Leader = "leader";
    public const int ReasonLength = 1000;

    private CreditSanction() { }

    /// <summary>A bar on <paramref name="subject"/> (a USCC or a leader's identity) from <paramref name="from"/> until <paramref name="until"/>.</summary>
    public CreditSanction(string subject, string subjectKind, DateTimeOffset from, DateTimeOffset until, string reason, Guid? applicationId = null)
    {
        if (subjectKind is not (Enterprise or Leader)) throw new ArgumentOutOfRangeException(nameof(subjectKind), subjectKind, "A sanction bars an enterprise or a leader.");
        if (until <= from) throw new ArgumentOutOfRangeException(nameof(until), until, "A sanction ends after it starts.");
        Id = Guid.NewGuid();
        Subject = subject;
        SubjectKind = subjectKind;
        From = from;
        Until = until;
        Reason = reason.Length > ReasonLength ? reason[..ReasonLength] : reason;
        ApplicationId = applicationId;
    }

    public Guid Id { get; private set; }
    public string Subject { get; private set; } = "";

    /// <summary><see cref="Enterprise"/> or <see cref="Leader"/>.</summary>
    public string SubjectKind { get; private set; } = "";
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset Until { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>The recovered application that brought the bar, if it came from one.</summary>
    public Guid? ApplicationId { get; private set; }

    /// <summary>A recovery bars both the enterprise and the project leader (when named) for <paramref name="years"/> years.</summary>
    public static IReadOnlyList<CreditSanction> AfterRecovery(FundingApplication project, string reason, DateTimeOffset at, int years)
    {
        if (years <= 0) return [];
        var until = at.AddYears(years);
        var because = $"{project.Number}追回 recovered: {reason}";
        var sanctions = new List<CreditSanction> { new(project.Uscc, Enterprise, at, until, because, project.Id) };
        if (!string.IsNullOrWhiteSpace(project.ProjectLeaderIdentity))
            sanctions.Add(new CreditSanction(project.ProjectLeaderIdentity, Leader, at, until, because, project.Id));
        return sanctions;
    }
}
