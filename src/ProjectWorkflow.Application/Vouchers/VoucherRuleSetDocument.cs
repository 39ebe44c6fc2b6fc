using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record CatalogueItemDocument(string? Key, string? NameZh, string? NameEn);

public sealed record CatalogueCategoryDocument(string? Key, string? NameZh, string? NameEn, List<CatalogueItemDocument>? Items);

/// <summary>
/// A voucher rule set as administrators send it and the seed holds it: money in integer fen, the ratio as a decimal
/// (0.5), every figure's label (found | assumed) in <see cref="Labels"/>.
/// </summary>
public sealed record VoucherRuleSetDocument(
    int? Year,
    string? IssuerZh,
    string? IssuerEn,
    string? Source,
    Dictionary<string, string>? Labels,
    List<string>? EligibleApplicants,
    int? MinTeamSize,
    List<string>? TeamPlaces,
    long? EnterpriseAnnualCapFen,
    long? TeamAnnualCapFen,
    decimal? CoPaymentRatio,
    long? PerClaimCapFen,
    List<CatalogueCategoryDocument>? Catalogue,
    string? QuotaValidity,
    int? SettlementCycleMonths,
    int? NoticeDays)
{
    public static readonly IReadOnlyDictionary<string, VoucherApplicantKind> ApplicantKinds = new Dictionary<string, VoucherApplicantKind>
    {
        ["certified-sme"] = VoucherApplicantKind.CertifiedSme,
        ["team"] = VoucherApplicantKind.Team,
    };

    public static string NameOf(VoucherApplicantKind kind) => ApplicantKinds.First(k => k.Value == kind).Key;

    /// <summary>The rule set, or the fields to correct.</summary>
    public (VoucherRuleSet? RuleSet, IReadOnlyList<FieldError> Errors) ToRuleSet(string schemeKey)
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message, string chinese) { if (!ok) errors.Add(FieldError.Of(field, message, chinese)); }
        Need(Year is >= 2000 and <= 2100, "year", "The year is between 2000 and 2100.", "年度须在 2000 至 2100 之间。");
        Need(!string.IsNullOrWhiteSpace(IssuerZh) && IssuerZh.Length <= 200, "issuerZh", "Name the issuer in Chinese (at most 200 characters).", "请填写发券机构中文名称（最多 200 个字符）。");
        Need(!string.IsNullOrWhiteSpace(IssuerEn) && IssuerEn.Length <= 200, "issuerEn", "Name the issuer in English (at most 200 characters).", "请填写发券机构英文名称（最多 200 个字符）。");
        Need(!string.IsNullOrWhiteSpace(Source) && Source.Length <= 500, "source", "Say where the figures come from (at most 500 characters).", "请填写政策依据，即各项数字的出处（最多 500 个字符）。");
        Need(EligibleApplicants is { Count: > 0 } && EligibleApplicants.All(ApplicantKinds.ContainsKey), "eligibleApplicants", "List who may apply: certified-sme, team.", "请列明申请主体：certified-sme（科技型中小企业）、team（创业团队）。");
        Need(EnterpriseAnnualCapFen is > 0 and <= Money.MaxFen, "enterpriseAnnualCapFen", "The annual cap per enterprise, in positive integer fen.", "请填写企业年度额度上限（分，正整数）。");
        Need(TeamAnnualCapFen is > 0 and <= Money.MaxFen, "teamAnnualCapFen", "The annual cap per team, in positive integer fen.", "请填写团队年度额度上限（分，正整数）。");
        Need(CoPaymentRatio is null or (> 0 and <= 1), "coPaymentRatio", "The share of a contract the voucher pays: above 0, at most 1.", "券支付合同金额的比例须大于 0 且不超过 1。");
        Need(PerClaimCapFen is null or (> 0 and <= Money.MaxFen), "perClaimCapFen", "A per-claim cap, where set, is positive integer fen.", "单笔兑付上限如填写，须为正整数（分）。");
        Need(Catalogue is { Count: > 0 and <= 50 } && Catalogue.All(c => Text(c.Key, 64) && Text(c.NameZh, 200) && Text(c.NameEn, 200)
                && c.Items is { Count: > 0 and <= 100 } && c.Items.All(i => Text(i.Key, 64) && Text(i.NameZh, 200) && Text(i.NameEn, 200))),
            "catalogue", "The catalogue: categories, each with a key and names (zh, en) and items with a key and names.", "请填写服务目录：各类别须有标识和中英文名称，并含有带标识和中英文名称的服务项目。");
        Need(MinTeamSize is null or (>= 1 and <= 100), "minTeamSize", "A team's minimum size is 1 to 100.", "创业团队最少人数须为 1 至 100。");
        Need(NoticeDays is null or (>= 0 and <= 60), "noticeDays", "The notice of a claim lasts 0 to 60 days.", "兑付公示天数须为 0 至 60 天。");
        Need(Labels is null || Labels.Count <= 50, "labels", "At most 50 labels.", "数据来源标注最多 50 项。");
        if (errors.Count > 0) return (null, errors);

        var ruleSet = new VoucherRuleSet
        {
            SchemeKey = schemeKey,
            Year = Year!.Value,
            IssuerZh = IssuerZh!.Trim(),
            IssuerEn = IssuerEn!.Trim(),
            Source = Source!.Trim(),
            Labels = Labels ?? [],
            EligibleApplicants = EligibleApplicants!.Select(a => ApplicantKinds[a]).Distinct().ToList(),
            MinTeamSize = MinTeamSize ?? 3,
            TeamPlaces = TeamPlaces ?? ["incubator", "university-park", "maker-space"],
            EnterpriseAnnualCap = new Money(EnterpriseAnnualCapFen!.Value),
            TeamAnnualCap = new Money(TeamAnnualCapFen!.Value),
            CoPaymentRatio = CoPaymentRatio ?? 0.5m,
            PerClaimCap = PerClaimCapFen is { } cap ? new Money(cap) : null,
            Catalogue = Catalogue!.Select(c => new CatalogueCategory(c.Key!, c.NameZh!, c.NameEn!,
                c.Items!.Select(i => new CatalogueItem(i.Key!, i.NameZh!, i.NameEn!)).ToList())).ToList(),
            QuotaValidity = QuotaValidity ?? VoucherRuleSet.QuotaLapsesAtYearEnd,
            SettlementCycleMonths = SettlementCycleMonths ?? 3,
            NoticeDays = NoticeDays ?? 5,
        };
        var problems = ruleSet.Problems();
        return problems.Count > 0 ? (null, problems.Select(p => FieldError.Of("ruleSet", p.English, p.Chinese)).ToList()) : (ruleSet, []);
    }

    public static VoucherRuleSetDocument From(VoucherRuleSet r) => new(
        r.Year, r.IssuerZh, r.IssuerEn, r.Source, r.Labels.ToDictionary(), r.EligibleApplicants.Select(NameOf).ToList(), r.MinTeamSize,
        r.TeamPlaces.ToList(), r.EnterpriseAnnualCap.Fen, r.TeamAnnualCap.Fen, r.CoPaymentRatio, r.PerClaimCap?.Fen,
        r.Catalogue.Select(c => new CatalogueCategoryDocument(c.Key, c.NameZh, c.NameEn, c.Items.Select(i => new CatalogueItemDocument(i.Key, i.NameZh, i.NameEn)).ToList())).ToList(),
        r.QuotaValidity, r.SettlementCycleMonths, r.NoticeDays);

    private static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Length <= max;
}
