using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Application.Schemes;

public sealed record SupportDocument(string? Method, decimal? Rate, long? CapFen, long? PerTonneFen, decimal? MaxShareOfInvestment, IReadOnlyDictionary<string, long>? AwardsFen);

/// <summary>One support method on offer: its key (what the application names), its names, and its rule as in <see cref="SupportDocument"/>.</summary>
public sealed record SupportOptionDocument(
    string? Key, string? Name, string? NameZh, string? Method, decimal? Rate, long? CapFen, long? PerTonneFen, decimal? MaxShareOfInvestment,
    IReadOnlyDictionary<string, long>? AwardsFen)
{
    public SupportDocument Rule => new(Method, Rate, CapFen, PerTonneFen, MaxShareOfInvestment, AwardsFen);
}

/// <summary>The panel: <c>seats</c> per field (technical, financial; or any) add up to <c>size</c>; <c>quorum</c> score sheets decide.</summary>
public sealed record PanelDocument(int? Size, int? Quorum, IReadOnlyList<CriterionDocument>? Rubric, decimal? PassScore, bool? DropHighestAndLowest,
    IReadOnlyDictionary<string, int>? Seats = null, int? ConflictLookbackYears = null);

public sealed record CriterionDocument(string? Key, string? Name, decimal? MaxPoints);

public sealed record AttachmentKindDocument(string? Kind, string? NameZh, string? NameEn);

/// <summary>
/// A rule set as administrators send it and as it is stored: plain JSON, amounts in integer fen.
/// <c>support.method</c> is <c>investment-subsidy</c> (rate, capFen), <c>energy-saving</c>
/// (perTonneFen, maxShareOfInvestment, capFen), <c>title-award</c> (awardsFen by title), <c>loan-interest</c> (rate = the
/// share of the interest paid, capFen) or <c>finance-lease</c> (rate = the share of the leased equipment's value, capFen).
/// <c>supportOptions</c> lists every method the applicant may choose (each with a key and names); <c>support</c> is then
/// the first one unless given.
/// </summary>
public sealed record RuleSetDocument(
    int? Year,
    string? Source,
    DateTimeOffset? WindowOpens,
    DateTimeOffset? WindowCloses,
    IReadOnlyList<string>? EligibleCostCategories,
    SupportDocument? Support,
    IReadOnlyList<int>? InstallmentPercents,
    int? NoticeWorkingDays,
    int? BuildPeriodMonths,
    int? MaxExtensions,
    int? MaxExtensionMonths,
    int? ExtensionLeadMonths,
    int? AcceptanceWindowMonths,
    PanelDocument? Panel,
    bool? RequiresProjectPool,
    int? SanctionYears,
    string? RecoveryReturnsTo = null,
    IReadOnlyList<SupportOptionDocument>? SupportOptions = null,
    decimal? MinFixedAssetShare = null,
    IReadOnlyList<string>? FixedAssetCategories = null,
    int? DistrictForwardingWorkingDays = null,
    int? ProjectPoolYears = null,
    IReadOnlyList<AttachmentKindDocument>? RequiredAttachments = null)
{
    private static SupportDocument? Describe(SupportRule rule) => rule switch
    {
        InvestmentSubsidy s => new SupportDocument("investment-subsidy", s.Rate, s.Cap.Fen, null, null, null),
        EnergySavingSubsidy e => new SupportDocument("energy-saving", null, e.Cap.Fen, e.PerTonneCoalSaved.Fen, e.MaxShareOfInvestment, null),
        TitleAward t => new SupportDocument("title-award", null, null, null, null, t.AwardByTitle.ToDictionary(a => a.Key, a => a.Value.Fen)),
        LoanInterestSubsidy l => new SupportDocument("loan-interest", l.Share, l.Cap.Fen, null, null, null),
        FinanceLeaseSubsidy f => new SupportDocument("finance-lease", f.Share, f.Cap.Fen, null, null, null),
        _ => null,
    };

    private static SupportRule? Read(SupportDocument? d) => d?.Method switch
    {
        "investment-subsidy" when d.Rate is { } rate && d.CapFen is { } cap => new InvestmentSubsidy(rate, new Money(cap)),
        "energy-saving" when d.PerTonneFen is { } perTonne && d.MaxShareOfInvestment is { } share && d.CapFen is { } cap =>
            new EnergySavingSubsidy(new Money(perTonne), share, new Money(cap)),
        "title-award" when d.AwardsFen is { Count: > 0 } awards => new TitleAward(awards.ToDictionary(a => a.Key, a => new Money(a.Value))),
        "loan-interest" when d.Rate is { } share && d.CapFen is { } cap => new LoanInterestSubsidy(share, new Money(cap)),
        "finance-lease" when d.Rate is { } share && d.CapFen is { } cap => new FinanceLeaseSubsidy(share, new Money(cap)),
        _ => null,
    };

    private const string SupportHelp = "support.method is investment-subsidy (rate, capFen), energy-saving (perTonneFen, maxShareOfInvestment, capFen), "
        + "title-award (awardsFen), loan-interest (rate, capFen) or finance-lease (rate, capFen), with all its figures.";

    /// <summary>The complete document of a rule set, defaults written out: what is stored and shown.</summary>
    public static RuleSetDocument From(RuleSet rules) => new(
        rules.Year,
        rules.Source,
        rules.Window.Opens,
        rules.Window.Closes,
        rules.EligibleCostCategories,
        Describe(rules.Support),
        rules.InstallmentPercents,
        rules.NoticeWorkingDays,
        rules.BuildPeriodMonths,
        rules.MaxExtensions,
        rules.MaxExtensionMonths,
        rules.ExtensionLeadMonths,
        rules.AcceptanceWindowMonths,
        new PanelDocument(rules.Panel.Size, rules.Panel.Quorum,
            rules.Panel.Rubric.Select(c => new CriterionDocument(c.Key, c.Name, c.MaxPoints)).ToList(), rules.Panel.PassScore, rules.Panel.DropHighestAndLowest,
            rules.Panel.Seats, rules.Panel.ConflictLookbackYears),
        rules.RequiresProjectPool,
        rules.SanctionYears,
        rules.RecoveryReturnsTo,
        rules.SupportOptions.Count == 0 ? null : rules.SupportOptions.Select(o => Describe(o.Rule) is { } d
            ? new SupportOptionDocument(o.Key, o.Name, o.NameZh, d.Method, d.Rate, d.CapFen, d.PerTonneFen, d.MaxShareOfInvestment, d.AwardsFen)
            : null).OfType<SupportOptionDocument>().ToList(),
        rules.MinFixedAssetShare,
        rules.FixedAssetCategories,
        rules.DistrictForwardingWorkingDays,
        rules.ProjectPoolYears,
        rules.RequiredAttachments.Select(a => new AttachmentKindDocument(a.Kind, a.NameZh, a.NameEn)).ToList());

    /// <summary>The rule set, or every problem with the document at once.</summary>
    public (RuleSet? RuleSet, IReadOnlyList<FieldError> Errors) ToRuleSet(string schemeKey)
    {
        var errors = new List<FieldError>();
        void Require(object? value, string field, string message, string chinese)
        {
            if (value is null) errors.Add(FieldError.Of(field, message, chinese));
        }
        Require(Year, "year", "Give the year the rules apply to.", "请填写规则适用的年度。");
        Require(Source, "source", "Say where the figures come from (the notice, or 'assumed default').", "请注明数据来源（申报通知，或“assumed default”）。");
        Require(EligibleCostCategories, "eligibleCostCategories", "List the eligible cost categories: equipment, software, construction, other.", "请列出可支持的费用类别：equipment（设备）、software（软件）、construction（建安工程）、other（其他）。");
        if (SupportOptions is not { Count: > 0 }) Require(Support, "support", "Give the support rule (method and its figures).", "请填写支持方式及其标准。");
        Require(Panel, "panel", "Give the expert panel (size, quorum, rubric, pass score).", "请填写专家评审组设置（人数、法定人数、评分细则、合格分）。");
        foreach (var category in EligibleCostCategories ?? [])
            if (!Funding.Applications.InvestmentBreakdown.Categories.Contains(category))
                errors.Add(FieldError.Of("eligibleCostCategories", $"'{category}' is not a cost category; use {string.Join(", ", Funding.Applications.InvestmentBreakdown.Categories)}.", $"“{category}”不是投资类别，请使用 {string.Join(", ", Funding.Applications.InvestmentBreakdown.Categories)}。"));

        var options = new List<SupportOption>();
        foreach (var (option, i) in (SupportOptions ?? []).Select((o, i) => (o, i)))
        {
            if (option is null || string.IsNullOrWhiteSpace(option.Key) || option.Key.Length > 64 || Read(option.Rule) is not { } rule)
                errors.Add(FieldError.Of($"supportOptions[{i}]", "Each support option needs a key (at most 64 characters) and " + SupportHelp, "每项支持方式须有 key（最多 64 个字符），且 support.method 须为 investment-subsidy（投资补助：rate、capFen）、energy-saving（节能补助：perTonneFen、maxShareOfInvestment、capFen）、title-award（称号奖励：awardsFen）、loan-interest（贷款贴息：rate、capFen）或 finance-lease（融资租赁补贴：rate、capFen），并填写全部参数。"));
            else
                options.Add(new SupportOption(option.Key, option.Name ?? option.Key, option.NameZh ?? option.Name ?? option.Key, rule));
        }
        var support = Read(Support) ?? (Support is null ? options.FirstOrDefault()?.Rule : null);
        if (Support is not null && Read(Support) is null)
            errors.Add(FieldError.Of("support", SupportHelp, "support.method 须为 investment-subsidy（投资补助：rate、capFen）、energy-saving（节能补助：perTonneFen、maxShareOfInvestment、capFen）、title-award（称号奖励：awardsFen）、loan-interest（贷款贴息：rate、capFen）或 finance-lease（融资租赁补贴：rate、capFen），并填写全部参数。"));
        foreach (var category in FixedAssetCategories ?? [])
            if (!Funding.Applications.InvestmentBreakdown.Categories.Contains(category))
                errors.Add(FieldError.Of("fixedAssetCategories", $"'{category}' is not a cost category; use {string.Join(", ", Funding.Applications.InvestmentBreakdown.Categories)}.", $"“{category}”不是投资类别，请使用 {string.Join(", ", Funding.Applications.InvestmentBreakdown.Categories)}。"));
        if (Panel?.Rubric is { } rubric && rubric.Any(c => string.IsNullOrWhiteSpace(c.Key) || string.IsNullOrWhiteSpace(c.Name) || c.MaxPoints is null))
            errors.Add(FieldError.Of("panel.rubric", "Each rubric criterion needs a key, a name and maxPoints.", "每个评分项须有 key、名称和 maxPoints（满分）。"));
        if (errors.Count > 0) return (null, errors);

        var ruleSet = new RuleSet
        {
            SchemeKey = schemeKey,
            Year = Year!.Value,
            Source = Source!,
            Window = new ApplicationWindow(WindowOpens, WindowCloses),
            EligibleCostCategories = EligibleCostCategories!,
            Support = support!,
            InstallmentPercents = InstallmentPercents ?? [50, 50],
            NoticeWorkingDays = NoticeWorkingDays ?? 5,
            BuildPeriodMonths = BuildPeriodMonths ?? 24,
            MaxExtensions = MaxExtensions ?? 1,
            MaxExtensionMonths = MaxExtensionMonths ?? 12,
            ExtensionLeadMonths = ExtensionLeadMonths ?? 3,
            AcceptanceWindowMonths = AcceptanceWindowMonths ?? 2,
            Panel = new PanelRule(Panel!.Size ?? 5, Panel.Quorum ?? Panel.Size ?? 5,
                (Panel.Rubric ?? []).Select(c => new RubricCriterion(c.Key!, c.Name!, c.MaxPoints!.Value)).ToList(),
                Panel.PassScore ?? 60, Panel.DropHighestAndLowest ?? true)
            {
                Seats = Panel.Seats ?? new Dictionary<string, int>(),
                ConflictLookbackYears = Panel.ConflictLookbackYears ?? 3,
            },
            RequiresProjectPool = RequiresProjectPool ?? false,
            SanctionYears = SanctionYears ?? 3,
            RecoveryReturnsTo = RecoveryReturnsTo ?? Funding.Ledger.RecoveryDestinations.Budget,
            SupportOptions = options,
            MinFixedAssetShare = MinFixedAssetShare,
            FixedAssetCategories = FixedAssetCategories ?? ["equipment", "construction"],
            DistrictForwardingWorkingDays = DistrictForwardingWorkingDays ?? 2,
            ProjectPoolYears = ProjectPoolYears ?? 3,
            RequiredAttachments = RequiredAttachments?.Select(a => new RequiredAttachment(a.Kind ?? "", a.NameZh ?? "", a.NameEn ?? "")).ToList()
                ?? RequiredAttachment.Default,
        };
        errors.AddRange(ruleSet.Problems().Select(p => FieldError.Of("ruleSet", p.English, p.Chinese)));
        return errors.Count > 0 ? (null, errors) : (ruleSet, errors);
    }
}
