using ProjectWorkflow.Funding.Invoices;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Applications;

/// <summary>
/// A funding application: the draft an enterprise fills in (autosaved), then the file the process
/// carries from submission to the final installment. Amounts in integer fen. Its state changes only by
/// its methods, each of which checks its own rules and the move its status allows.
/// </summary>
public sealed partial class FundingApplication
{
    /// <summary>The moves each status allows; anything else is refused with <see cref="IllegalTransitionException"/>.</summary>
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Allowed = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Submitted] = [ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForSupplement, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Terminated],
        [ApplicationStatus.ReturnedForSupplement] = [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, ApplicationStatus.Rejected, ApplicationStatus.Terminated],
        [ApplicationStatus.UnderReview] = [ApplicationStatus.ReturnedForSupplement, ApplicationStatus.InPublicNotice, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Terminated],
        [ApplicationStatus.InPublicNotice] = [ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Terminated],
        [ApplicationStatus.Approved] = [ApplicationStatus.Building, ApplicationStatus.Terminated, ApplicationStatus.Recovered],
        [ApplicationStatus.Building] = [ApplicationStatus.AcceptanceRequested, ApplicationStatus.Terminated, ApplicationStatus.Recovered],
        [ApplicationStatus.AcceptanceRequested] = [ApplicationStatus.Accepted, ApplicationStatus.Building, ApplicationStatus.Terminated, ApplicationStatus.Recovered],
        [ApplicationStatus.Accepted] = [ApplicationStatus.Closed, ApplicationStatus.Recovered],
        [ApplicationStatus.Closed] = [ApplicationStatus.Recovered],
    };

    /// <summary>The statuses in which an application claims nothing: not yet submitted, or out of the running.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> Inactive = [ApplicationStatus.Draft, ApplicationStatus.Withdrawn, ApplicationStatus.Rejected];

    private FundingApplication() { }

    public Guid Id { get; private set; }

    /// <summary>Human-readable number, also the process's business key, e.g. TU-2026-0007.</summary>
    public string Number { get; private set; } = "";
    public string SchemeKey { get; private set; } = "";
    public int Year { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public string Uscc { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";

    public string ProjectName { get; private set; } = "";
    public string Site { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string ProjectLeaderName { get; private set; } = "";

    /// <summary>The leader's identity (e.g. ID card number): sanctions bar the person, not only the company.</summary>
    public string ProjectLeaderIdentity { get; private set; } = "";
    /// <summary>Whether the pool's register held the project when it was submitted (the register decides, not the applicant).</summary>
    public bool InProjectPool { get; private set; }
    public string? TitleSought { get; private set; }

    /// <summary>The support method the applicant chose among its rule set's options (null: the default one).</summary>
    public string? SupportMethod { get; private set; }

    /// <summary>Loan-interest subsidy: the interest the project's loan bears over the build period, and the lender.</summary>
    public long LoanInterestFen { get; private set; }
    public string? Lender { get; private set; }

    /// <summary>Finance-lease subsidy: the value of the equipment taken under a finance lease.</summary>
    public long LeasedEquipmentFen { get; private set; }

    public long EquipmentFen { get; private set; }
    public long SoftwareFen { get; private set; }
    public long ConstructionFen { get; private set; }
    public long OtherFen { get; private set; }

    // Plan indicators, so results roll up to the plan's targets.
    public decimal EnergyBeforeTce { get; private set; }
    public decimal EnergyAfterTce { get; private set; }
    public long OutputFen { get; private set; }
    public long ValueAddedFen { get; private set; }
    public int Headcount { get; private set; }
    public int Robots { get; private set; }

    // The plan's further indicators (DOMAIN.md's table of 15): what the project promises to reach.
    /// <summary>R&amp;D spend over the build period (研发投入), integer fen.</summary>
    public long RdSpendFen { get; private set; }

    /// <summary>Invention patents the project expects to be granted (发明专利).</summary>
    public int InventionPatents { get; private set; }

    /// <summary>Water used per year before and after the project (用水量), cubic metres.</summary>
    public long WaterBeforeM3 { get; private set; }
    public long WaterAfterM3 { get; private set; }

    /// <summary>CO₂ emissions cut per year (二氧化碳减排量), tonnes.</summary>
    public decimal Co2ReducedTonnes { get; private set; }

    /// <summary>Industrial solid waste produced and put to use per year (工业固体废物产生量 / 综合利用量), tonnes.</summary>
    public decimal SolidWasteTonnes { get; private set; }
    public decimal SolidWasteUtilisedTonnes { get; private set; }

    /// <summary>Industrial land the project occupies (用地面积), square metres.</summary>
    public long LandM2 { get; private set; }

    /// <summary>The draft's invoice list (normalised numbers, comma-separated), kept for editing; what is claimed is in the invoice claims.</summary>
    public string InvoiceNumbers { get; private set; } = "";
    public string Fingerprint { get; private set; } = "";

    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Draft;
    public string? Stage { get; private set; }
    public Guid? InstanceId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public long? ApprovedAmountFen { get; private set; }

    public long Revision { get; private set; }

    /// <summary>The project's investment by cost category, as the draft states it.</summary>
    public InvestmentBreakdown Investment => new(new Money(EquipmentFen), new Money(SoftwareFen), new Money(ConstructionFen), new Money(OtherFen));

    /// <summary>The invoices the application claims (normalised, distinct).</summary>
    public IReadOnlyList<string> Invoices => InvoiceNumber.NormaliseAll(InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A new, empty draft of the enterprise (its id and registered USCC) for a scheme-year, under its number.</summary>
    public static FundingApplication Draft(string number, string schemeKey, int year, Guid enterpriseId, string uscc, string createdBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Number = number,
        SchemeKey = schemeKey,
        Year = year,
        EnterpriseId = enterpriseId,
        Uscc = uscc,
        CreatedBy = createdBy,
        Status = ApplicationStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public bool CanMoveTo(ApplicationStatus to) => CanMove(Status, to);

    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.ReturnedForSupplement;

    /// <summary>Refuses unless the application is a draft or a file returned for supplement: only those are the enterprise's to change.</summary>
    public void EnsureEditable()
    {
        if (!IsEditable)
            throw new IllegalTransitionException(Status, "edited",
                $"The application is {ApplicationStatusText.InWords(Status)}; only a draft or a file returned for supplement can be edited.");
    }

    /// <summary>The enterprise saves what it has typed: each change applied, the fingerprint recomputed, the revision bumped.</summary>
    public void Revise(DraftChanges changes, DateTimeOffset now)
    {
        EnsureEditable();
        ProjectName = changes.ProjectName ?? ProjectName;
        Site = changes.Site ?? Site;
        Description = changes.Description ?? Description;
        ProjectLeaderName = changes.ProjectLeaderName ?? ProjectLeaderName;
        ProjectLeaderIdentity = changes.ProjectLeaderIdentity ?? ProjectLeaderIdentity;
        SupportMethod = changes.SupportMethod is { } method ? (method.Length == 0 ? null : method) : SupportMethod;
        LoanInterestFen = changes.LoanInterestFen ?? LoanInterestFen;
        Lender = changes.Lender is { } lender ? (lender.Length == 0 ? null : lender) : Lender;
        LeasedEquipmentFen = changes.LeasedEquipmentFen ?? LeasedEquipmentFen;
        TitleSought = changes.TitleSought ?? TitleSought;
        EquipmentFen = changes.EquipmentFen ?? EquipmentFen;
        SoftwareFen = changes.SoftwareFen ?? SoftwareFen;
        ConstructionFen = changes.ConstructionFen ?? ConstructionFen;
        OtherFen = changes.OtherFen ?? OtherFen;
        OutputFen = changes.OutputFen ?? OutputFen;
        ValueAddedFen = changes.ValueAddedFen ?? ValueAddedFen;
        EnergyBeforeTce = changes.EnergyBeforeTce ?? EnergyBeforeTce;
        EnergyAfterTce = changes.EnergyAfterTce ?? EnergyAfterTce;
        Headcount = changes.Headcount ?? Headcount;
        Robots = changes.Robots ?? Robots;
        RdSpendFen = changes.RdSpendFen ?? RdSpendFen;
        InventionPatents = changes.InventionPatents ?? InventionPatents;
        WaterBeforeM3 = changes.WaterBeforeM3 ?? WaterBeforeM3;
        WaterAfterM3 = changes.WaterAfterM3 ?? WaterAfterM3;
        Co2ReducedTonnes = changes.Co2ReducedTonnes ?? Co2ReducedTonnes;
        SolidWasteTonnes = changes.SolidWasteTonnes ?? SolidWasteTonnes;
        SolidWasteUtilisedTonnes = changes.SolidWasteUtilisedTonnes ?? SolidWasteUtilisedTonnes;
        LandM2 = changes.LandM2 ?? LandM2;
        if (changes.InvoiceNumbers is { } invoices) InvoiceNumbers = string.Join(",", InvoiceNumber.NormaliseAll(invoices));
        if (ProjectName.Length > 0 && Site.Length > 0)
            Fingerprint = ProjectFingerprint.Of(Enterprises.Uscc.Parse(Uscc), ProjectName, Site);
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>Refuses unless the application is still a draft: a file is submitted once.</summary>
    public void EnsureSubmittable()
    {
        if (Status != ApplicationStatus.Draft)
            throw new IllegalTransitionException(Status, "submitted", $"The application was already submitted (it is {ApplicationStatusText.InWords(Status)}).");
    }

    /// <summary>
    /// The enterprise submits its draft to the process <paramref name="instanceId"/>: refused outside the rule set's window,
    /// while the enterprise or the project leader is under a credit sanction, when the project or one of its invoices
    /// already has support (<paramref name="earlierSupport"/>), when it names a support method its rules do not offer,
    /// when fixed assets are not above the rules' share of the total input, or when the project is not in the pool's
    /// register (<paramref name="pool"/>: the enterprise's entries) where the rules ask for it.
    /// </summary>
    public void Submit(RuleSet rules, IReadOnlyList<CreditSanction> sanctions, IReadOnlyList<FundedProject> earlierSupport,
        IReadOnlyList<ProjectPoolEntry> pool, Guid instanceId, DateTimeOffset now)
    {
        EnsureSubmittable();
        var inPool = pool.Any(e => e.Covers(Uscc, ProjectName, Year, rules.ProjectPoolYears));
        Check.Rules(
            new ApplicationWindowClosedRule(rules.Window, now),
            new EnterpriseUnderSanctionRule(sanctions, now),
            new ProjectAlreadyFundedRule(earlierSupport),
            new SupportMethodNotOfferedRule(rules, SupportMethod),
            new FixedAssetShareTooLowRule(Investment.Eligible(rules.FixedAssetCategories), Investment.Total, rules.MinFixedAssetShare),
            new NotInProjectPoolRule(rules.RequiresProjectPool, inPool));
        InProjectPool = inPool;
        MoveTo(ApplicationStatus.Submitted, "submitted");
        SubmittedAt = now;
        UpdatedAt = now;
        Revision++;
        InstanceId = instanceId;
    }

    /// <summary>The figures its support method reads: eligible and total investment, tonnes of coal saved, title, loan interest, leased equipment.</summary>
    public ProjectFigures Figures(RuleSet rules) =>
        new(Investment.Eligible(rules.EligibleCostCategories), Investment.Total, Math.Max(0, EnergyBeforeTce - EnergyAfterTce), TitleSought)
        {
            LoanInterest = new Money(LoanInterestFen),
            LeasedEquipment = new Money(LeasedEquipmentFen),
        };

    /// <summary>The invoices this application claims, as claims to write.</summary>
    public IReadOnlyList<InvoiceClaim> InvoiceClaims(DateTimeOffset now) =>
        Invoices.Select(i => InvoiceClaim.For(i, ClaimantKinds.Application, Id, Number, SchemeKey, now)).ToList();

    /// <summary>The formal check passed: review begins.</summary>
    public void PutUnderReview() => MoveTo(ApplicationStatus.UnderReview, "put under review");

    public void ReturnForSupplement() => MoveTo(ApplicationStatus.ReturnedForSupplement, "returned for supplement");

    /// <summary>The enterprise supplemented the file: it is submitted again and goes straight back to review.</summary>
    public void Resubmit()
    {
        MoveTo(ApplicationStatus.Submitted, "resubmitted");
        MoveTo(ApplicationStatus.UnderReview, "put under review");
    }

    /// <summary>What the subsidy calculation gave, for the joint review and the approval.</summary>
    public void RecordCalculatedSubsidy(Money amount)
    {
        if (amount.IsNegative) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A subsidy cannot be negative.");
        ApprovedAmountFen = amount.Fen;
    }

    public void PublishNotice() => MoveTo(ApplicationStatus.InPublicNotice, "published for public notice");

    /// <summary>Approved at <paramref name="amount"/>, refused when the budget left for the scheme-year cannot cover it.</summary>
    public void Approve(Money amount, Money budgetLeft)
    {
        if (!CanMoveTo(ApplicationStatus.Approved)) throw new IllegalTransitionException(Status, "approved");
        Check.Rules(new BudgetExceededRule(budgetLeft, amount));
        MoveTo(ApplicationStatus.Approved, "approved");
        // A process that approves without a calculation leaves no amount (rather than a zero one).
        if (ApprovedAmountFen is not null || amount.Fen != 0) ApprovedAmountFen = amount.Fen;
    }

    public void Reject() => MoveTo(ApplicationStatus.Rejected, "rejected");

    /// <summary>A draft is the enterprise's scratch paper: it may be thrown away, nothing else may.</summary>
    public void EnsureDeletable()
    {
        if (Status != ApplicationStatus.Draft)
            throw new IllegalTransitionException(Status, "deleted",
                $"The application is {ApplicationStatusText.InWords(Status)}; only a draft can be deleted (a submitted one can be withdrawn while in district review).");
    }

    /// <summary>The enterprise takes its submitted file back while the district still has it; its process ends.</summary>
    public void Withdraw(bool stillWithTheDistrict, DateTimeOffset now)
    {
        if (Status is ApplicationStatus.Draft)
            throw new IllegalTransitionException(Status, "withdrawn", "A draft was never submitted: delete it instead.");
        if (!CanMoveTo(ApplicationStatus.Withdrawn)) throw new IllegalTransitionException(Status, "withdrawn");
        Check.Rules(new WithdrawnOnlyInDistrictReviewRule(stillWithTheDistrict));
        MoveTo(ApplicationStatus.Withdrawn, "withdrawn");
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>The supplement deadline passed without a supplement: the file is closed as rejected.</summary>
    public void Lapse() => MoveTo(ApplicationStatus.Rejected, "closed as lapsed");

    /// <summary>The tasks the application's process waits at, shown as its stage (null when it waits at none).</summary>
    public void ShowStage(string? stage) => Stage = string.IsNullOrEmpty(stage) ? null : stage;

    public void MarkUpdated(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>A change the enterprise's open copy must not overwrite (the agreement signed): updated, and the revision bumped.</summary>
    public void MarkRevised(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }

    private void MoveTo(ApplicationStatus to, string action)
    {
        if (!CanMove(Status, to)) throw new IllegalTransitionException(Status, action);
        Status = to;
    }
}
