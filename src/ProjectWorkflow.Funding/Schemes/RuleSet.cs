namespace ProjectWorkflow.Funding.Schemes;

/// <summary>
/// One scheme's rules for one year: data an administrator adds without code. Every figure here comes
/// from the year's notice (or is labelled an assumed default in <see cref="Source"/>).
/// </summary>
public sealed record RuleSet
{
    public required string SchemeKey { get; init; }
    public required int Year { get; init; }

    /// <summary>Where the figures come from, e.g. "2026 notice (sheitc)" or "assumed default".</summary>
    public required string Source { get; init; }

    public required ApplicationWindow Window { get; init; }
    public required IReadOnlyList<string> EligibleCostCategories { get; init; }
    public required SupportRule Support { get; init; }

    /// <summary>Share of the approved amount paid at each installment, in percent; sums to 100 (default 50/50).</summary>
    public required IReadOnlyList<int> InstallmentPercents { get; init; }

    public required int NoticeWorkingDays { get; init; }
    public required int BuildPeriodMonths { get; init; }
    public required int MaxExtensions { get; init; }
    public required int MaxExtensionMonths { get; init; }

    /// <summary>An extension must be asked at least this many months before the build period ends.</summary>
    public required int ExtensionLeadMonths { get; init; }

    /// <summary>Acceptance must be requested within this many months after the build period.</summary>
    public required int AcceptanceWindowMonths { get; init; }

    public required PanelRule Panel { get; init; }
    public required bool RequiresProjectPool { get; init; }

    /// <summary>Years a recovery bars the enterprise and the project leader.</summary>
    public required int SanctionYears { get; init; }

    /// <summary>
    /// Every support method the rule set offers, the applicant choosing one (first = the default). Empty: only
    /// <see cref="Support"/>, under its method's name.
    /// </summary>
    public IReadOnlyList<SupportOption> SupportOptions { get; init; } = [];

    /// <summary>Fixed assets (<see cref="FixedAssetCategories"/>) must be more than this share of the total input (0.6 = 60%); null: no such rule.</summary>
    public decimal? MinFixedAssetShare { get; init; }

    /// <summary>The cost categories that count as fixed assets.</summary>
    public IReadOnlyList<string> FixedAssetCategories { get; init; } = ["equipment", "construction"];

    /// <summary>Working days the district has to forward applications, counted from the window's close (2026: 2).</summary>
    public int DistrictForwardingWorkingDays { get; init; } = 2;

    /// <summary>How many years a project-pool entry stays good (the city's three-year rolling pool: 3).</summary>
    public int ProjectPoolYears { get; init; } = 3;

    /// <summary>The support methods offered: <see cref="SupportOptions"/>, or the one <see cref="Support"/>.</summary>
    public IReadOnlyList<SupportOption> Options => SupportOptions.Count > 0 ? SupportOptions : [new SupportOption(MethodName(Support), MethodName(Support), MethodName(Support), Support)];

    /// <summary>The option named <paramref name="key"/> (the default when none is named), or null when the rule set offers no such method.</summary>
    public SupportOption? OptionFor(string? key) => string.IsNullOrEmpty(key) ? Options[0] : Options.FirstOrDefault(o => o.Key == key);

    /// <summary>The document name of a support rule's method.</summary>
    public static string MethodName(SupportRule rule) => rule switch
    {
        InvestmentSubsidy => "investment-subsidy",
        EnergySavingSubsidy => "energy-saving",
        TitleAward => "title-award",
        LoanInterestSubsidy => "loan-interest",
        FinanceLeaseSubsidy => "finance-lease",
        _ => "unknown",
    };

    /// <summary>Where money recovered from a project goes once received: back into the budget ("budget") or to the treasury ("treasury").</summary>
    public string RecoveryReturnsTo { get; init; } = Ledger.RecoveryDestinations.Budget;

    /// <summary>The kinds of attachment an application must carry to be submitted (shown to the applicant beforehand).</summary>
    public IReadOnlyList<RequiredAttachment> RequiredAttachments { get; init; } = RequiredAttachment.Default;

    /// <summary>The problems that make a rule set unusable, as sentences for the administrator.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Year is < 2000 or > 2100) problems.Add("The year must be between 2000 and 2100.");
        if (InstallmentPercents.Count == 0 || InstallmentPercents.Any(p => p <= 0) || InstallmentPercents.Sum() != 100)
            problems.Add("Installment percentages must be positive and add up to 100 (e.g. 50, 50).");
        if (NoticeWorkingDays is < 1 or > 60) problems.Add("The public notice lasts 1 to 60 working days.");
        if (BuildPeriodMonths is < 1 or > 120) problems.Add("The build period is 1 to 120 months.");
        if (MaxExtensions < 0 || MaxExtensionMonths < 0) problems.Add("Extension limits cannot be negative.");
        problems.AddRange(Panel.Problems());
        if (Panel.Rubric.Count == 0 || Panel.Rubric.Any(c => c.MaxPoints <= 0)) problems.Add("The rubric needs criteria with positive maximum points.");
        if (Panel.PassScore < 0 || Panel.PassScore > Panel.MaxTotal) problems.Add("The pass score must lie between 0 and the rubric's total.");
        if (!Ledger.RecoveryDestinations.IsKnown(RecoveryReturnsTo)) problems.Add("Recovered money returns to 'budget' or 'treasury'.");
        if (EligibleCostCategories.Count == 0) problems.Add("Name at least one eligible cost category.");
        if (RequiredAttachments.Any(a => string.IsNullOrWhiteSpace(a.Kind) || a.Kind.Length > 64 || string.IsNullOrWhiteSpace(a.NameZh) || string.IsNullOrWhiteSpace(a.NameEn)))
            problems.Add("Each required attachment needs a kind (at most 64 characters) and its Chinese and English names.");
        if (Window is { Opens: { } o, Closes: { } c } && c <= o) problems.Add("The application window must close after it opens.");
        if (MinFixedAssetShare is < 0 or >= 1) problems.Add("The fixed-asset share lies between 0 and 1 (0.6 = more than 60% of total input).");
        if (FixedAssetCategories.Count == 0 || FixedAssetCategories.Any(c => !Applications.InvestmentBreakdown.Categories.Contains(c)))
            problems.Add($"Fixed-asset categories are among {string.Join(", ", Applications.InvestmentBreakdown.Categories)}.");
        if (DistrictForwardingWorkingDays is < 0 or > 60) problems.Add("The district forwards within 0 to 60 working days.");
        if (ProjectPoolYears is < 1 or > 10) problems.Add("A project-pool entry stays good 1 to 10 years.");
        if (SupportOptions.Select(o => o.Key).Distinct().Count() != SupportOptions.Count || SupportOptions.Any(o => string.IsNullOrWhiteSpace(o.Key)))
            problems.Add("Each support option needs its own key.");
        foreach (var rule in Options.Select(o => o.Rule).Prepend(Support).Distinct())
            problems.AddRange(SupportProblems(rule));
        return problems;
    }

    private static IEnumerable<string> SupportProblems(SupportRule support)
    {
        var problems = new List<string>();
        switch (support)
        {
            case InvestmentSubsidy s when s.Rate is <= 0 or > 1 || s.Cap.Fen <= 0:
                problems.Add("An investment subsidy needs a rate above 0 and at most 1, and a positive cap.");
                break;
            case EnergySavingSubsidy e when e.PerTonneCoalSaved.Fen <= 0 || e.MaxShareOfInvestment is <= 0 or > 1 || e.Cap.Fen <= 0:
                problems.Add("An energy-saving subsidy needs a positive amount per tonne, a share of investment above 0 and at most 1, and a positive cap.");
                break;
            case TitleAward t when t.AwardByTitle.Count == 0 || t.AwardByTitle.Values.Any(v => v.Fen <= 0):
                problems.Add("A title award needs at least one title with a positive amount.");
                break;
            case LoanInterestSubsidy l when l.Share is <= 0 or > 1 || l.Cap.Fen <= 0:
                problems.Add("A loan-interest subsidy needs a share above 0 and at most 1, and a positive cap.");
                break;
            case FinanceLeaseSubsidy f when f.Share is <= 0 or > 1 || f.Cap.Fen <= 0:
                problems.Add("A finance-lease subsidy needs a share above 0 and at most 1, and a positive cap.");
                break;
        }
        return problems;
    }
}
