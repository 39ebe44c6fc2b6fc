using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Projects;

/// <summary>The acceptance (验收) of a completed project: what was actually invested, the audit report, and the department's verdict.</summary>
public sealed class Acceptance
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    private Acceptance() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public long ActualEquipmentFen { get; private set; }
    public long ActualSoftwareFen { get; private set; }
    public long ActualConstructionFen { get; private set; }
    public long ActualOtherFen { get; private set; }

    /// <summary>The actual investment in the rule set's eligible categories, set against the approved one.</summary>
    public long ActualEligibleFen { get; private set; }
    public Guid AuditReportId { get; private set; }
    public string Summary { get; private set; } = "";

    /// <summary><see cref="Pass"/> or <see cref="Fail"/>, once the department has reviewed it.</summary>
    public string? Outcome { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public string? ReviewReason { get; private set; }

    /// <summary>How the accepted amount was worked out (the pro-rata cut, if any).</summary>
    public string? Calculation { get; private set; }

    public bool Reviewed => Outcome is not null;
    public bool Passed => Outcome == Pass;

    public InvestmentBreakdown ActualInvestment =>
        new(new Money(ActualEquipmentFen), new Money(ActualSoftwareFen), new Money(ActualConstructionFen), new Money(ActualOtherFen));

    /// <summary>
    /// The enterprise requests acceptance of <paramref name="project"/> with its actual investment and audit report,
    /// within the rule set's window after the build period (<see cref="Rules.AcceptanceOutsideWindowRule"/>).
    /// </summary>
    public static Acceptance Request(FundingApplication project, InvestmentBreakdown actual, Guid auditReportId, string summary, string by, DateTimeOffset at, RuleSet rules)
    {
        if (actual.Problems() is [var problem, ..]) throw new ArgumentException(problem.English, nameof(actual));
        if (string.IsNullOrWhiteSpace(summary)) throw new ArgumentException("An acceptance request summarises what was built.", nameof(summary));
        project.CheckAcceptanceRequest(at, rules);
        return new Acceptance
        {
            Id = Guid.NewGuid(),
            ApplicationId = project.Id,
            RequestedAt = at,
            RequestedBy = by,
            ActualEquipmentFen = actual.Equipment.Fen,
            ActualSoftwareFen = actual.Software.Fen,
            ActualConstructionFen = actual.Construction.Fen,
            ActualOtherFen = actual.Other.Fen,
            ActualEligibleFen = actual.Eligible(rules.EligibleCostCategories).Fen,
            AuditReportId = auditReportId,
            Summary = summary.Trim(),
        };
    }

    /// <summary>The department's verdict, <see cref="Pass"/> or <see cref="Fail"/>, with its grounds — given once.</summary>
    public void Review(string outcome, string by, string reason, DateTimeOffset at)
    {
        if (Reviewed) throw new InvalidOperationException($"The acceptance was already reviewed ({Outcome}) by {ReviewedBy}.");
        if (outcome is not (Pass or Fail)) throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An acceptance passes or fails.");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A verdict gives its grounds.", nameof(reason));
        Outcome = outcome;
        ReviewedAt = at;
        ReviewedBy = by;
        ReviewReason = reason.Trim();
    }

    /// <summary>Records how the accepted amount was worked out (by <see cref="FundingApplication.Accept"/>).</summary>
    internal void Settle(string calculation) => Calculation = calculation;
}
