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

    /// <summary>The problems that make a rule set unusable, as sentences for the administrator (zh-CN and English).</summary>
    public IReadOnlyList<Rules.RuleMessage> Problems()
    {
        var problems = new List<Rules.RuleMessage>();
        if (Year is < 2000 or > 2100) problems.Add(new("年度须在2000至2100之间。", "The year must be between 2000 and 2100."));
        if (InstallmentPercents.Count == 0 || InstallmentPercents.Any(p => p <= 0) || InstallmentPercents.Sum() != 100)
            problems.Add(new("分期拨付比例须为正数且合计为100（如 50, 50）。", "Installment percentages must be positive and add up to 100 (e.g. 50, 50)."));
        if (NoticeWorkingDays is < 1 or > 60) problems.Add(new("公示期为1至60个工作日。", "The public notice lasts 1 to 60 working days."));
        if (BuildPeriodMonths is < 1 or > 120) problems.Add(new("建设期为1至120个月。", "The build period is 1 to 120 months."));
        if (MaxExtensions < 0 || MaxExtensionMonths < 0) problems.Add(new("延期次数和延期月数不能为负数。", "Extension limits cannot be negative."));
        problems.AddRange(Panel.Problems());
        if (Panel.Rubric.Count == 0 || Panel.Rubric.Any(c => c.MaxPoints <= 0)) problems.Add(new("评分表须有评分项，且每项满分为正数。", "The rubric needs criteria with positive maximum points."));
        if (Panel.PassScore < 0 || Panel.PassScore > Panel.MaxTotal) problems.Add(new("合格分须在0与评分表总分之间。", "The pass score must lie between 0 and the rubric's total."));
        if (!Ledger.RecoveryDestinations.IsKnown(RecoveryReturnsTo)) problems.Add(new("追回资金须回到“预算”（budget）或“国库”（treasury）。", "Recovered money returns to 'budget' or 'treasury'."));
        if (EligibleCostCategories.Count == 0) problems.Add(new("请至少选择一个可支持的投资类别。", "Name at least one eligible cost category."));
        if (RequiredAttachments.Any(a => string.IsNullOrWhiteSpace(a.Kind) || a.Kind.Length > 64 || string.IsNullOrWhiteSpace(a.NameZh) || string.IsNullOrWhiteSpace(a.NameEn)))
            problems.Add(new("每项必需附件须有类型（不超过64个字符）及中英文名称。", "Each required attachment needs a kind (at most 64 characters) and its Chinese and English names."));
        if (Window is { Opens: { } o, Closes: { } c } && c <= o) problems.Add(new("申报截止时间须晚于开始时间。", "The application window must close after it opens."));
        if (MinFixedAssetShare is < 0 or >= 1) problems.Add(new("固定资产占比须在0与1之间（0.6表示超过总投入的60%）。", "The fixed-asset share lies between 0 and 1 (0.6 = more than 60% of total input)."));
        if (FixedAssetCategories.Count == 0 || FixedAssetCategories.Any(c => !Applications.InvestmentBreakdown.Categories.Contains(c)))
            problems.Add(new($"固定资产类别须为以下之一：{string.Join("、", Applications.InvestmentBreakdown.Categories)}。", $"Fixed-asset categories are among {string.Join(", ", Applications.InvestmentBreakdown.Categories)}."));
        if (DistrictForwardingWorkingDays is < 0 or > 60) problems.Add(new("区级转报时限为0至60个工作日。", "The district forwards within 0 to 60 working days."));
        if (ProjectPoolYears is < 1 or > 10) problems.Add(new("项目库入库有效期为1至10年。", "A project-pool entry stays good 1 to 10 years."));
        if (SupportOptions.Select(o => o.Key).Distinct().Count() != SupportOptions.Count || SupportOptions.Any(o => string.IsNullOrWhiteSpace(o.Key)))
            problems.Add(new("每种支持方式须有各自不同的标识。", "Each support option needs its own key."));
        foreach (var rule in Options.Select(o => o.Rule).Prepend(Support).Distinct())
            problems.AddRange(SupportProblems(rule));
        return problems;
    }

    private static IEnumerable<Rules.RuleMessage> SupportProblems(SupportRule support)
    {
        var problems = new List<Rules.RuleMessage>();
        switch (support)
        {
            case InvestmentSubsidy s when s.Rate is <= 0 or > 1 || s.Cap.Fen <= 0:
                problems.Add(new("投资补助须有大于0且不超过1的补助比例，以及为正数的上限。", "An investment subsidy needs a rate above 0 and at most 1, and a positive cap."));
                break;
            case EnergySavingSubsidy e when e.PerTonneCoalSaved.Fen <= 0 || e.MaxShareOfInvestment is <= 0 or > 1 || e.Cap.Fen <= 0:
                problems.Add(new("节能奖励须有为正数的每吨标准煤奖励额、大于0且不超过1的投资占比上限，以及为正数的上限。", "An energy-saving subsidy needs a positive amount per tonne, a share of investment above 0 and at most 1, and a positive cap."));
                break;
            case TitleAward t when t.AwardByTitle.Count == 0 || t.AwardByTitle.Values.Any(v => v.Fen <= 0):
                problems.Add(new("称号奖励须至少有一个称号，且金额为正数。", "A title award needs at least one title with a positive amount."));
                break;
            case LoanInterestSubsidy l when l.Share is <= 0 or > 1 || l.Cap.Fen <= 0:
                problems.Add(new("贷款贴息须有大于0且不超过1的贴息比例，以及为正数的上限。", "A loan-interest subsidy needs a share above 0 and at most 1, and a positive cap."));
                break;
            case FinanceLeaseSubsidy f when f.Share is <= 0 or > 1 || f.Cap.Fen <= 0:
                problems.Add(new("融资租赁补贴须有大于0且不超过1的补贴比例，以及为正数的上限。", "A finance-lease subsidy needs a share above 0 and at most 1, and a positive cap."));
                break;
        }
        return problems;
    }
}
