using System.Globalization;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Web.Vouchers;

/// <summary>
/// A voucher scheme's rule set as the administrator's form holds it: one input per figure (caps in yuan, the co-payment
/// ratio as a decimal), named after the document's fields. The catalogue, the places a team may sit in, the labels
/// (found | assumed) and the quota's validity are the copy's: a form would only copy them.
/// </summary>
public sealed class VoucherRuleSetForm
{
    public const int MaxText = 500;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The document's money fields and the form's inputs for them, so the use case's refusals land beside their input.</summary>
    private static readonly Dictionary<string, string> Inputs = new(StringComparer.Ordinal)
    {
        ["enterpriseAnnualCapFen"] = "enterpriseAnnualCapYuan",
        ["teamAnnualCapFen"] = "teamAnnualCapYuan",
        ["perClaimCapFen"] = "perClaimCapYuan",
        ["eligibleApplicants"] = "eligible",
    };

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string this[string field] => Values.GetValueOrDefault(field, "");
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The form started from <paramref name="copy"/> for <paramref name="year"/>, every figure kept.</summary>
    public static VoucherRuleSetForm StartFrom(VoucherRuleSetDocument copy, int year)
    {
        var form = new VoucherRuleSetForm();
        var v = form.Values;
        v["year"] = year.ToString(Invariant);
        v["issuerZh"] = copy.IssuerZh ?? "";
        v["issuerEn"] = copy.IssuerEn ?? "";
        v["source"] = copy.Source ?? "";
        foreach (var kind in copy.EligibleApplicants ?? []) v[$"eligible.{kind}"] = "on";
        v["minTeamSize"] = Number(copy.MinTeamSize);
        v["enterpriseAnnualCapYuan"] = Yuan(copy.EnterpriseAnnualCapFen);
        v["teamAnnualCapYuan"] = Yuan(copy.TeamAnnualCapFen);
        v["coPaymentRatio"] = copy.CoPaymentRatio?.ToString(Invariant) ?? "";
        v["perClaimCapYuan"] = Yuan(copy.PerClaimCapFen);
        v["settlementCycleMonths"] = Number(copy.SettlementCycleMonths);
        v["noticeDays"] = Number(copy.NoticeDays);
        return form;
    }

    /// <summary>What the administrator posted, read against the copy: the document, or the form again with each wrong field's sentence.</summary>
    public static (VoucherRuleSetDocument? Document, VoucherRuleSetForm Form) Read(IFormCollection posted, VoucherRuleSetDocument copy)
    {
        var form = new VoucherRuleSetForm();
        foreach (var (key, value) in posted)
            if (!key.StartsWith("__", StringComparison.Ordinal)) form.Values[key] = (value.ToString() ?? "").Trim();
        var year = form.Int("year", 2000, 2100, required: true);
        var issuerZh = form.Text("issuerZh");
        var issuerEn = form.Text("issuerEn");
        var source = form.Text("source");
        var eligible = VoucherRuleSetDocument.ApplicantKinds.Keys.Where(k => form[$"eligible.{k}"] is "on" or "true").ToList();
        if (eligible.Count == 0) form.Errors["eligible"] = "Name at least one kind of applicant.";
        var document = copy with
        {
            Year = year,
            IssuerZh = issuerZh,
            IssuerEn = issuerEn,
            Source = source,
            EligibleApplicants = eligible,
            MinTeamSize = form.Int("minTeamSize", 1, 100, required: true),
            EnterpriseAnnualCapFen = form.Fen("enterpriseAnnualCapYuan", required: true),
            TeamAnnualCapFen = form.Fen("teamAnnualCapYuan", required: true),
            CoPaymentRatio = form.Dec("coPaymentRatio", 0, 1, required: true),
            PerClaimCapFen = form.Fen("perClaimCapYuan", required: false),
            SettlementCycleMonths = form.Int("settlementCycleMonths", 1, 12, required: true),
            NoticeDays = form.Int("noticeDays", 0, 60, required: true),
        };
        return form.Errors.Count > 0 ? (null, form) : (document, form);
    }

    /// <summary>The use case's own refusals (the rule set's sentences) shown beside the inputs they name, or above the form.</summary>
    public void Add(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            var field = Inputs.GetValueOrDefault(error.Field, error.Field);
            Errors[field] = Errors.TryGetValue(field, out var earlier) ? $"{earlier} {error.Message}" : error.Message;
        }
    }

    private string? Text(string field)
    {
        var value = this[field];
        if (value.Length == 0 || value.Length > MaxText || value.Contains('\0')) { Errors[field] = $"Required, at most {MaxText} characters."; return null; }
        return value;
    }

    private int? Int(string field, int min, int max, bool required)
    {
        var value = this[field];
        if (value.Length == 0 && !required) return null;
        if (int.TryParse(value, NumberStyles.Integer, Invariant, out var n) && n >= min && n <= max) return n;
        Errors[field] = $"Give a whole number from {min} to {max}.";
        return null;
    }

    private decimal? Dec(string field, decimal min, decimal max, bool required)
    {
        var value = this[field];
        if (value.Length == 0 && !required) return null;
        if (decimal.TryParse(value, NumberStyles.Number, Invariant, out var n) && n > min && n <= max) return n;
        Errors[field] = $"Give a number above {min}, at most {max}.";
        return null;
    }

    private long? Fen(string field, bool required)
    {
        var value = this[field].Replace(",", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            if (required) Errors[field] = "Give an amount in yuan (e.g. 300000).";
            return null;
        }
        if (decimal.TryParse(value, NumberStyles.Number, Invariant, out var yuan) && yuan > 0 && decimal.Round(yuan, 2) == yuan && yuan * 100 <= Money.MaxFen)
            return (long)(yuan * 100);
        Errors[field] = "Give an amount in yuan above 0, exact to the fen (at most two decimals).";
        return null;
    }

    private static string Number(int? n) => n?.ToString(Invariant) ?? "";
    private static string Yuan(long? fen) => fen is { } f ? (f / 100m).ToString(f % 100 == 0 ? "0" : "0.00", Invariant) : "";
}
