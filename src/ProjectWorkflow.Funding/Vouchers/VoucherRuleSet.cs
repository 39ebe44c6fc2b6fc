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

    /// <summary>The problems that make the rule set unusable, as sentences for the administrator.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Year is < 2000 or > 2100) problems.Add("The year must be between 2000 and 2100.");
        if (string.IsNullOrWhiteSpace(IssuerZh) || string.IsNullOrWhiteSpace(IssuerEn)) problems.Add("Name the issuer in Chinese and English.");
        if (EligibleApplicants.Count == 0) problems.Add("Name who may apply: certified SMEs, teams, or both.");
        if (MinTeamSize < 1) problems.Add("A team has at least one member.");
        if (EligibleApplicants.Contains(VoucherApplicantKind.Team) && TeamPlaces.Count == 0) problems.Add("Name where a team may sit (incubator, university park, maker space).");
        if (EnterpriseAnnualCap.Fen <= 0 || TeamAnnualCap.Fen <= 0) problems.Add("The annual caps per enterprise and per team are positive.");
        if (CoPaymentRatio is <= 0 or > 1) problems.Add("The co-payment ratio is above 0 and at most 1 (0.5 = the voucher pays half).");
        if (PerClaimCap is { Fen: <= 0 }) problems.Add("A per-claim cap, where set, is positive.");
        if (Catalogue.Count == 0 || Catalogue.Any(c => c.Items.Count == 0)) problems.Add("The catalogue needs categories, each with items.");
        var keys = Catalogue.SelectMany(c => c.Items).Select(i => i.Key).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count) problems.Add("Catalogue item keys are unique.");
        if (QuotaValidity != QuotaLapsesAtYearEnd) problems.Add("Quota validity is 'year-end' (lapses on 31 December).");
        if (SettlementCycleMonths is not (1 or 3 or 6 or 12)) problems.Add("The settlement cycle is 1, 3, 6 or 12 months.");
        if (NoticeDays is < 0 or > 60) problems.Add("The public notice of a claim lasts 0 to 60 days.");
        foreach (var (field, label) in Labels)
            if (label is not ("found" or "assumed")) problems.Add($"The label of {field} is 'found' or 'assumed'.");
        return problems;
    }
}
