using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Applications;

/// <summary>
/// The funded project's part of the application: the agreement, the build period, acceptance, closing and recovery.
/// Each move checks its own rules; what the application cannot know itself (the rule set, the clock, the
/// enterprise's registered name and account) is passed in.
/// </summary>
public sealed partial class FundingApplication
{
    private static readonly ApplicationStatus[] PaidStatuses =
        [ApplicationStatus.Building, ApplicationStatus.AcceptanceRequested, ApplicationStatus.Accepted, ApplicationStatus.Closed];

    /// <summary>What the project is entitled to after acceptance (the approved amount, cut pro rata on a shortfall).</summary>
    public long? AcceptedAmountFen { get; private set; }

    /// <summary>Who the installments are paid to and the account, as signed in the agreement.</summary>
    public string? PayeeName { get; private set; }
    public string? PayeeAccount { get; private set; }
    public DateTimeOffset? AgreementSignedAt { get; private set; }

    // The build period (Shanghai dates), set when the first installment is paid; an approved extension moves its end.
    public DateOnly? BuildStartedOn { get; private set; }
    public DateOnly? BuildEndsOn { get; private set; }
    public int ExtensionsGranted { get; private set; }

    /// <summary>When the acceptance window closes (the end of its last day, Shanghai time).</summary>
    public DateTimeOffset? AcceptanceDueAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why the funds were recovered (追回), when they were.</summary>
    public string? RecoveryReason { get; private set; }

    /// <summary>Money has gone out to the project (building started with the first installment), so there is something to recover.</summary>
    public bool AnythingPaid => PaidStatuses.Contains(Status);

    /// <summary>An administrator's termination of the process can still take the project with it (it has not ended on its own).</summary>
    public bool CanBeTerminated => CanMoveTo(ApplicationStatus.Terminated);

    /// <summary>The plan indicators the application promised, against which the evaluation scores the project.</summary>
    public ProjectIndicators PlannedIndicators =>
        new(Math.Max(0, EnergyBeforeTce - EnergyAfterTce), new Money(OutputFen), new Money(ValueAddedFen), Robots)
        {
            RdSpend = new Money(RdSpendFen),
            InventionPatents = InventionPatents,
            WaterSavedM3 = Math.Max(0, WaterBeforeM3 - WaterAfterM3),
            Co2ReducedTonnes = Co2ReducedTonnes,
            SolidWasteTonnes = SolidWasteTonnes,
            SolidWasteUtilisedTonnes = SolidWasteUtilisedTonnes,
            LandM2 = LandM2,
        };

    /// <summary>The build period under the rule set's acceptance window, once building has started.</summary>
    public ProjectSchedule? Schedule(RuleSet rules) =>
        this is { BuildStartedOn: { } started, BuildEndsOn: { } ends }
            ? new ProjectSchedule(started, ends, ExtensionsGranted, rules.AcceptanceWindowMonths)
            : null;

    /// <summary>
    /// The enterprise signs the agreement of its approved project: the payee is the enterprise itself under its
    /// registered name (<see cref="PayeeNotTheEnterpriseRule"/>) and the account the one registered and approved
    /// for it (<see cref="AccountNotRegisteredRule"/>; <paramref name="registeredAccount"/> null when there is none).
    /// </summary>
    public void SignAgreement(string payeeName, string payeeAccount, string registeredName, string? registeredAccount, DateTimeOffset at)
    {
        RequireProjectStatus(ApplicationStatus.Approved, "signed (only an approved project's agreement is signed)");
        Check.Rules(
            new PayeeNotTheEnterpriseRule(payeeName, registeredName),
            new AccountNotRegisteredRule(payeeAccount, registeredAccount));
        PayeeName = payeeName;
        PayeeAccount = payeeAccount;
        AgreementSignedAt = at;
        UpdatedAt = at;
        Revision++;
    }

    /// <summary>The first installment is paid: building starts today (Shanghai) for the rule set's months; acceptance is due after them.</summary>
    public ProjectSchedule StartBuilding(RuleSet rules, DateTimeOffset now)
    {
        MoveTo(ApplicationStatus.Building, "started building");
        var schedule = ProjectSchedule.Start(ShanghaiDate.Of(now), rules);
        BuildStartedOn = schedule.BuildStartedOn;
        BuildEndsOn = schedule.BuildEndsOn;
        ExtensionsGranted = 0;
        AcceptanceDueAt = schedule.AcceptanceDueAt;
        return schedule;
    }

    /// <summary>Refuses, with the rule's sentence, an extension of <paramref name="months"/> asked at <paramref name="askedAt"/> that the rule set does not allow.</summary>
    public void CheckExtension(int months, DateTimeOffset askedAt, RuleSet rules)
    {
        RequireProjectStatus(ApplicationStatus.Building, "extended (only a project being built is)");
        BuildingSchedule(rules).CheckExtension(months, ShanghaiDate.Of(askedAt), rules);
    }

    /// <summary>
    /// An approved extension request moves the end of the build period and the acceptance deadline — once, as the
    /// rules allow (judged on the day it was asked). Anything but an approved extension of this project changes nothing.
    /// </summary>
    public ProjectSchedule? GrantExtension(ChangeRequest change, RuleSet rules)
    {
        if (change.ApplicationId != Id || change.Status != ChangeRequestStatus.Approved
            || change.Kind != ChangeRequestKinds.Extension || change.ExtensionMonths is not { } months)
            return null;
        CheckExtension(months, change.RequestedAt, rules);
        var extended = BuildingSchedule(rules).Extend(months);
        BuildEndsOn = extended.BuildEndsOn;
        ExtensionsGranted = extended.ExtensionsGranted;
        AcceptanceDueAt = extended.AcceptanceDueAt;
        return extended;
    }

    /// <summary>Refuses an acceptance request made on <paramref name="at"/> outside the window after the build period.</summary>
    public void CheckAcceptanceRequest(DateTimeOffset at, RuleSet rules)
    {
        RequireProjectStatus(ApplicationStatus.Building, "put up for acceptance (only a project being built is)");
        BuildingSchedule(rules).CheckAcceptanceRequest(ShanghaiDate.Of(at));
    }

    /// <summary>Building is over: the project waits for the department's acceptance review.</summary>
    public void PutUpForAcceptance() => MoveTo(ApplicationStatus.AcceptanceRequested, "put up for acceptance");

    /// <summary>
    /// The project passed <paramref name="acceptance"/>: it is entitled to the approved amount, cut pro rata when the
    /// actual eligible investment fell short of the approved one; the acceptance records how it was worked out.
    /// </summary>
    public Calculated Accept(Acceptance acceptance, RuleSet rules)
    {
        if (acceptance.ApplicationId != Id || !acceptance.Passed)
            throw new InvalidOperationException("Only this project's passed acceptance settles it.");
        MoveTo(ApplicationStatus.Accepted, "accepted");
        var settled = SubsidyCalculation.AfterAcceptance(new Money(ApprovedAmountFen ?? 0),
            Investment.Eligible(rules.EligibleCostCategories), new Money(acceptance.ActualEligibleFen));
        AcceptedAmountFen = settled.Amount.Fen;
        acceptance.Settle(string.Join("; ", settled.Steps));
        return settled;
    }

    /// <summary>Evaluated and paid in full, the project is closed.</summary>
    public void Close(DateTimeOffset at)
    {
        MoveTo(ApplicationStatus.Closed, "closed");
        ClosedAt = at;
    }

    /// <summary>
    /// The project's funds are recovered (追回) for <paramref name="reason"/> — only when something was paid
    /// (<see cref="NothingPaidToRecoverRule"/>). Returns the bars on the enterprise and the project leader for the
    /// rule set's <paramref name="sanctionYears"/>, to be saved with it.
    /// </summary>
    public IReadOnlyList<CreditSanction> Recover(string reason, DateTimeOffset at, int sanctionYears)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A recovery says why.", nameof(reason));
        Check.Rules(new NothingPaidToRecoverRule(AnythingPaid));
        MoveTo(ApplicationStatus.Recovered, "recovered");
        RecoveryReason = reason;
        ClosedAt = at;
        return CreditSanction.AfterRecovery(this, reason, at, sanctionYears);
    }

    /// <summary>The project's process was terminated or cancelled by an administrator: the project ends terminated.</summary>
    public void Terminate(DateTimeOffset at)
    {
        MoveTo(ApplicationStatus.Terminated, "terminated");
        ClosedAt = at;
        UpdatedAt = at;
    }

    /// <summary>The evaluation of the accepted project's performance against <see cref="PlannedIndicators"/>.</summary>
    public Evaluation Evaluate(ProjectIndicators reached, string by, DateTimeOffset at, string? comment)
    {
        RequireProjectStatus(ApplicationStatus.Accepted, "evaluated (only an accepted project is)");
        return Evaluation.Of(Id, PlannedIndicators, reached, by, at, comment);
    }

    private ProjectSchedule BuildingSchedule(RuleSet rules) =>
        Schedule(rules) ?? throw new IllegalTransitionException(Status, "scheduled before its first installment is paid");

    private void RequireProjectStatus(ApplicationStatus expected, string action)
    {
        if (Status != expected) throw new IllegalTransitionException(Status, action);
    }
}
