namespace ProjectWorkflow.Funding.Vouchers;

/// <summary>Who may apply for a voucher quota.</summary>
public enum VoucherApplicantKind
{
    /// <summary>A certified tech SME (科技型中小企业), known by its certificate number.</summary>
    CertifiedSme,

    /// <summary>A team of at least N people in an incubator, university park or maker space (创业团队).</summary>
    Team,
}

/// <summary>One item of a voucher scheme's service catalogue (e.g. testing → product testing).</summary>
public sealed record CatalogueItem(string Key, string NameZh, string NameEn);

/// <summary>A category of the catalogue and its items.</summary>
public sealed record CatalogueCategory(string Key, string NameZh, string NameEn, IReadOnlyList<CatalogueItem> Items);

/// <summary>
/// One voucher scheme's rules for one year (innovation voucher 创新券, four-new voucher 四新券): data an administrator adds
/// without code, every figure labelled found (a published notice) or assumed (<see cref="Labels"/>).
/// </summary>
public sealed record VoucherRuleSet
{
    public const string QuotaLapsesAtYearEnd = "year-end";

    public required string SchemeKey { get; init; }
    public required int Year { get; init; }

    /// <summary>Who issues the vouchers, e.g. the science commission's voucher centre.</summary>
    public required string IssuerZh { get; init; }
    public required string IssuerEn { get; init; }

    /// <summary>Where the figures come from, e.g. "Shanghai innovation voucher rules (found)".</summary>
    public required string Source { get; init; }

    /// <summary>Each figure's label: "found" or "assumed", by field name (e.g. coPaymentRatio → found).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyList<VoucherApplicantKind> EligibleApplicants { get; init; }
    public int MinTeamSize { get; init; } = 3;

    /// <summary>Where a team must sit: incubator, university-park, maker-space.</summary>
    public IReadOnlyList<string> TeamPlaces { get; init; } = ["incubator", "university-park", "maker-space"];

    public required Money EnterpriseAnnualCap { get; init; }
    public required Money TeamAnnualCap { get; init; }

    /// <summary>The largest share of a contract the voucher pays (0.5 = 50%); the enterprise pays the rest itself.</summary>
    public decimal CoPaymentRatio { get; init; } = 0.5m;

    /// <summary>The most one claim (one order) may draw, where the year's rules set one.</summary>
    public Money? PerClaimCap { get; init; }

    public required IReadOnlyList<CatalogueCategory> Catalogue { get; init; }

    /// <summary>When a granted quota stops being usable; "year-end" (the default) lapses it on 31 December.</summary>
    public string QuotaValidity { get; init; } = QuotaLapsesAtYearEnd;

    /// <summary>Months in one settlement cycle: 3 (quarterly, the default).</summary>
    public int SettlementCycleMonths { get; init; } = 3;

    /// <summary>Calendar days a redemption claim stays in public notice before it may be settled.</summary>
    public int NoticeDays { get; init; } = 5;

    public Money AnnualCapFor(VoucherApplicantKind kind) => kind == VoucherApplicantKind.Team ? TeamAnnualCap : EnterpriseAnnualCap;

    /// <summary>The last day a quota granted under these rules can be used.</summary>
    public DateOnly QuotaLapsesAfter => new(Year, 12, 31);

    public CatalogueItem? FindItem(string key) => Catalogue.SelectMany(c => c.Items).FirstOrDefault(i => i.Key == key);

    /// <summary>The problems that make the rule set unusable, as sentences for the administrator (zh-CN and English).</summary>
    public IReadOnlyList<Rules.RuleMessage> Problems()
    {
        var problems = new List<Rules.RuleMessage>();
        if (Year is < 2000 or > 2100) problems.Add(new("年度须在 2000 至 2100 之间。", "The year must be between 2000 and 2100."));
        if (string.IsNullOrWhiteSpace(IssuerZh) || string.IsNullOrWhiteSpace(IssuerEn)) problems.Add(new("请填写发券机构的中文和英文名称。", "Name the issuer in Chinese and English."));
        if (EligibleApplicants.Count == 0) problems.Add(new("请列明申请主体：科技型中小企业、创业团队，或两者。", "Name who may apply: certified SMEs, teams, or both."));
        if (MinTeamSize < 1) problems.Add(new("创业团队至少须有一名成员。", "A team has at least one member."));
        if (EligibleApplicants.Contains(VoucherApplicantKind.Team) && TeamPlaces.Count == 0) problems.Add(new("请列明创业团队可入驻的载体（孵化器、大学科技园、众创空间）。", "Name where a team may sit (incubator, university park, maker space)."));
        if (EnterpriseAnnualCap.Fen <= 0 || TeamAnnualCap.Fen <= 0) problems.Add(new("企业和创业团队的年度额度上限须为正数。", "The annual caps per enterprise and per team are positive."));
        if (CoPaymentRatio is <= 0 or > 1) problems.Add(new("券支付合同金额的比例须大于 0 且不超过 1（0.5 表示券支付一半）。", "The co-payment ratio is above 0 and at most 1 (0.5 = the voucher pays half)."));
        if (PerClaimCap is { Fen: <= 0 }) problems.Add(new("单笔兑付上限如填写，须为正数。", "A per-claim cap, where set, is positive."));
        if (Catalogue.Count == 0 || Catalogue.Any(c => c.Items.Count == 0)) problems.Add(new("服务目录须有类别，且每个类别须含服务项目。", "The catalogue needs categories, each with items."));
        var keys = Catalogue.SelectMany(c => c.Items).Select(i => i.Key).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count) problems.Add(new("服务目录中各服务项目的标识不得重复。", "Catalogue item keys are unique."));
        if (QuotaValidity != QuotaLapsesAtYearEnd) problems.Add(new("额度有效期须为“year-end”（当年 12 月 31 日失效）。", "Quota validity is 'year-end' (lapses on 31 December)."));
        if (SettlementCycleMonths is not (1 or 3 or 6 or 12)) problems.Add(new("结算周期为 1、3、6 或 12 个月。", "The settlement cycle is 1, 3, 6 or 12 months."));
        if (NoticeDays is < 0 or > 60) problems.Add(new("兑付公示期为 0 至 60 天。", "The public notice of a claim lasts 0 to 60 days."));
        foreach (var (field, label) in Labels)
            if (label is not ("found" or "assumed")) problems.Add(new($"“{field}”的数据来源标注须为“found”（已查明）或“assumed”（假定）。", $"The label of {field} is 'found' or 'assumed'."));
        return problems;
    }
}
