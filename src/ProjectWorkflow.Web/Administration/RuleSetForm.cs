using System.Globalization;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Web.Administration;

/// <summary>
/// A rule set as the administrator's form holds it: one input per figure (amounts in yuan, shares as decimals,
/// windows in Shanghai time), named after the document's fields. The parts a form would only copy — support
/// methods and their names, rubric criteria's names, required attachments, fixed-asset categories — come from the
/// rule set the form was started from; every figure of them is an input.
/// </summary>
public sealed class RuleSetForm
{
    public const int MaxText = 2000;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string this[string field] => Values.GetValueOrDefault(field, "");
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The form started from <paramref name="copy"/> for <paramref name="year"/>: its window moved to that year, figures kept.</summary>
    public static RuleSetForm StartFrom(RuleSetDocument copy, int year)
    {
        var form = new RuleSetForm();
        var shift = year - (copy.Year ?? year);
        var v = form.Values;
        v["year"] = year.ToString(Invariant);
        v["source"] = copy.Source ?? "";
        v["windowOpens"] = Local(copy.WindowOpens?.AddYears(shift));
        v["windowCloses"] = Local(copy.WindowCloses?.AddYears(shift));
        foreach (var category in copy.EligibleCostCategories ?? []) v[$"eligible.{category}"] = "on";
        if (copy.SupportOptions is { Count: > 0 } options)
            foreach (var (option, i) in options.Select((o, i) => (o, i))) Support(v, $"option{i}", option.Rule);
        else if (copy.Support is { } support) Support(v, "support", support);
        v["installmentPercents"] = string.Join(", ", copy.InstallmentPercents ?? [50, 50]);
        v["noticeWorkingDays"] = Number(copy.NoticeWorkingDays);
        v["buildPeriodMonths"] = Number(copy.BuildPeriodMonths);
        v["maxExtensions"] = Number(copy.MaxExtensions);
        v["maxExtensionMonths"] = Number(copy.MaxExtensionMonths);
        v["extensionLeadMonths"] = Number(copy.ExtensionLeadMonths);
        v["acceptanceWindowMonths"] = Number(copy.AcceptanceWindowMonths);
        v["panel.size"] = Number(copy.Panel?.Size);
        v["panel.quorum"] = Number(copy.Panel?.Quorum);
        v["panel.passScore"] = Decimal(copy.Panel?.PassScore);
        if (copy.Panel?.DropHighestAndLowest == true) v["panel.dropHighestAndLowest"] = "on";
        v["panel.conflictLookbackYears"] = Number(copy.Panel?.ConflictLookbackYears);
        foreach (var (field, seats) in copy.Panel?.Seats ?? new Dictionary<string, int>()) v[$"panel.seats.{field}"] = Number(seats);
        foreach (var (criterion, i) in (copy.Panel?.Rubric ?? []).Select((c, i) => (c, i))) v[$"panel.rubric{i}.maxPoints"] = Decimal(criterion.MaxPoints);
        if (copy.RequiresProjectPool == true) v["requiresProjectPool"] = "on";
        v["projectPoolYears"] = Number(copy.ProjectPoolYears);
        v["sanctionYears"] = Number(copy.SanctionYears);
        v["recoveryReturnsTo"] = copy.RecoveryReturnsTo ?? "budget";
        v["minFixedAssetShare"] = Decimal(copy.MinFixedAssetShare);
        v["districtForwardingWorkingDays"] = Number(copy.DistrictForwardingWorkingDays);
        return form;
    }

    private static void Support(Dictionary<string, string> v, string prefix, SupportDocument support)
    {
        v[$"{prefix}.rate"] = Decimal(support.Rate);
        v[$"{prefix}.capYuan"] = Yuan(support.CapFen);
        v[$"{prefix}.perTonneYuan"] = Yuan(support.PerTonneFen);
        v[$"{prefix}.maxShareOfInvestment"] = Decimal(support.MaxShareOfInvestment);
        foreach (var (title, fen) in support.AwardsFen ?? new Dictionary<string, long>()) v[$"{prefix}.award.{title}"] = Yuan(fen);
    }

    /// <summary>What the administrator posted, read against the copy it started from: the document, or the form again with each wrong field's sentence.</summary>
    public static (RuleSetDocument? Document, RuleSetForm Form) Read(IFormCollection posted, RuleSetDocument copy)
    {
        var form = new RuleSetForm();
        foreach (var (key, value) in posted)
            if (!key.StartsWith("__", StringComparison.Ordinal)) form.Values[key] = (value.ToString() ?? "").Trim();
        var year = form.Int("year", 2000, 2100, required: true);
        var source = form.Text("source", required: true);
        var opens = form.Time("windowOpens");
        var closes = form.Time("windowCloses");
        var categories = Funding.Applications.InvestmentBreakdown.Categories.Where(c => form.Checked($"eligible.{c}")).ToList();
        if (categories.Count == 0) form.Errors["eligible"] = Say("请至少选择一个可支持的投资类别。", "Name at least one eligible cost category.");

        SupportDocument? support = null;
        List<SupportOptionDocument>? options = null;
        if (copy.SupportOptions is { Count: > 0 } copied)
            options = copied.Select((o, i) => form.Support($"option{i}", o.Rule) is { } s
                ? o with { Rate = s.Rate, CapFen = s.CapFen, PerTonneFen = s.PerTonneFen, MaxShareOfInvestment = s.MaxShareOfInvestment, AwardsFen = s.AwardsFen }
                : o).ToList();
        // With options on offer, the default support is the first of them (what the document's reader takes when none is given).
        else if (copy.Support is { } copiedSupport)
            support = form.Support("support", copiedSupport);

        var percents = new List<int>();
        foreach (var part in form["installmentPercents"].Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(part, NumberStyles.Integer, Invariant, out var p) && p is > 0 and <= 100) percents.Add(p);
            else form.Errors["installmentPercents"] = Say("各期拨付比例为1至100的整数，以逗号分隔（如 50, 50）。", "Installment percentages are whole numbers from 1 to 100, separated by commas (e.g. 50, 50).");
        if (percents.Count == 0 && !form.Errors.ContainsKey("installmentPercents"))
            form.Errors["installmentPercents"] = Say("请至少填写一期拨付比例（如 50, 50）。", "Give at least one installment percentage (e.g. 50, 50).");

        var rubric = (copy.Panel?.Rubric ?? []).Select((c, i) => c with { MaxPoints = form.Dec($"panel.rubric{i}.maxPoints", 0, 1000, required: true) }).ToList();
        var seats = (copy.Panel?.Seats ?? new Dictionary<string, int>()).Keys
            .ToDictionary(f => f, f => form.Int($"panel.seats.{f}", 0, 50, required: true) ?? 0);
        var panel = new PanelDocument(form.Int("panel.size", 1, 50, required: true), form.Int("panel.quorum", 1, 50, required: true), rubric,
            form.Dec("panel.passScore", 0, 1000, required: true), form.Checked("panel.dropHighestAndLowest"),
            seats.Count == 0 ? null : seats, form.Int("panel.conflictLookbackYears", 0, 20, required: true));
        var recovery = form["recoveryReturnsTo"] is "budget" or "treasury" ? form["recoveryReturnsTo"] : null;
        if (recovery is null) form.Errors["recoveryReturnsTo"] = Say("追回资金须回到“预算”或“国库”。", "Recovered money returns to 'budget' or 'treasury'.");

        var document = new RuleSetDocument(
            year, source, opens, closes, categories, support, percents,
            form.Int("noticeWorkingDays", 1, 60, required: true), form.Int("buildPeriodMonths", 1, 120, required: true),
            form.Int("maxExtensions", 0, 10, required: true), form.Int("maxExtensionMonths", 0, 60, required: true),
            form.Int("extensionLeadMonths", 0, 24, required: true), form.Int("acceptanceWindowMonths", 0, 24, required: true),
            panel, form.Checked("requiresProjectPool"), form.Int("sanctionYears", 0, 20, required: true), recovery, options,
            form.Dec("minFixedAssetShare", 0, 1, required: false), copy.FixedAssetCategories,
            form.Int("districtForwardingWorkingDays", 0, 60, required: true), form.Int("projectPoolYears", 1, 10, required: true),
            copy.RequiredAttachments);
        return form.Errors.Count > 0 ? (null, form) : (document, form);
    }

    /// <summary>The form's own sentence in the page's language (zh-CN unless the reader chose English).</summary>
    private static string Say(string chinese, string english) =>
        System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? english : chinese;

    /// <summary>
    /// The use case's own refusals (the rule's sentences) shown beside the fields they name, or above the form: in the
    /// page's language, the Chinese sentence where the use case gave one (a rule set's problems all have theirs).
    /// </summary>
    public void Add(IEnumerable<FieldError> errors)
    {
        var chinese = !System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        foreach (var error in errors)
        {
            var message = chinese && error.MessageZh is { } zh ? zh : error.Message;
            Errors[error.Field] = Errors.TryGetValue(error.Field, out var earlier) ? $"{earlier} {message}" : message;
        }
    }

    private SupportDocument? Support(string prefix, SupportDocument copied) => copied.Method switch
    {
        "investment-subsidy" or "loan-interest" or "finance-lease" => copied with
        {
            Rate = Dec($"{prefix}.rate", 0, 1, required: true), CapFen = Fen($"{prefix}.capYuan", required: true),
        },
        "energy-saving" => copied with
        {
            PerTonneFen = Fen($"{prefix}.perTonneYuan", required: true), MaxShareOfInvestment = Dec($"{prefix}.maxShareOfInvestment", 0, 1, required: true),
            CapFen = Fen($"{prefix}.capYuan", required: true),
        },
        "title-award" => copied with
        {
            AwardsFen = (copied.AwardsFen ?? new Dictionary<string, long>()).Keys.ToDictionary(t => t, t => Fen($"{prefix}.award.{t}", required: true) ?? 0),
        },
        _ => copied,
    };

    private bool Checked(string field) => this[field] is "on" or "true";

    private string? Text(string field, bool required)
    {
        var value = this[field];
        if (value.Length == 0) { if (required) Errors[field] = Say("此项必填。", "This field is required."); return null; }
        if (value.Length > MaxText || value.Contains('\0')) { Errors[field] = Say($"不超过{MaxText}个字符，且不含控制字符。", $"At most {MaxText} characters, without control characters."); return null; }
        return value;
    }

    private int? Int(string field, int min, int max, bool required)
    {
        var value = this[field];
        if (value.Length == 0) { if (required) Errors[field] = Say($"请填写{min}至{max}之间的整数。", $"Give a whole number from {min} to {max}."); return null; }
        if (int.TryParse(value, NumberStyles.Integer, Invariant, out var n) && n >= min && n <= max) return n;
        Errors[field] = Say($"请填写{min}至{max}之间的整数。", $"Give a whole number from {min} to {max}.");
        return null;
    }

    private decimal? Dec(string field, decimal min, decimal max, bool required)
    {
        var value = this[field];
        if (value.Length == 0) { if (required) Errors[field] = Say($"请填写{min}至{max}之间的数。", $"Give a number from {min} to {max}."); return null; }
        if (decimal.TryParse(value, NumberStyles.Number, Invariant, out var n) && n >= min && n <= max) return n;
        Errors[field] = Say($"请填写{min}至{max}之间的数。", $"Give a number from {min} to {max}.");
        return null;
    }

    private long? Fen(string field, bool required)
    {
        var value = this[field].Replace(",", "", StringComparison.Ordinal);
        if (value.Length == 0) { if (required) Errors[field] = Say("请填写以元为单位的金额（如 1000000 或 1000000.50）。", "Give an amount in yuan (e.g. 1000000 or 1000000.50)."); return null; }
        if (decimal.TryParse(value, NumberStyles.Number, Invariant, out var yuan) && yuan >= 0 && decimal.Round(yuan, 2) == yuan
            && yuan * 100 <= Money.MaxFen)
            return (long)(yuan * 100);
        Errors[field] = Say("金额以元为单位，不小于0，精确到分（最多两位小数）。", "Give an amount in yuan, 0 or more, exact to the fen (at most two decimals).");
        return null;
    }

    private DateTimeOffset? Time(string field)
    {
        var value = this[field];
        if (value.Length == 0) return null;
        if (DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"], Invariant, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, ShanghaiDate.Offset);
        Errors[field] = Say("请填写日期和时间（上海时间），如 2027-01-20 09:00。", "Give a date and time (Shanghai time), e.g. 2027-01-20 09:00.");
        return null;
    }

    private static string Local(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(ShanghaiDate.Offset).ToString("yyyy-MM-ddTHH:mm", Invariant) : "";

    private static string Number(int? n) => n?.ToString(Invariant) ?? "";
    private static string Decimal(decimal? n) => n?.ToString(Invariant) ?? "";
    private static string Yuan(long? fen) => fen is { } f ? (f / 100m).ToString(f % 100 == 0 ? "0" : "0.00", Invariant) : "";
}
