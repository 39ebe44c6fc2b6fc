using System.Globalization;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>How a rule-set value is shown: money (integer fen), rate (a share, 0.1 = 10%), counts of days, months, years …</summary>
public static class RuleValueKinds
{
    public const string Money = "money";
    public const string Rate = "rate";
    public const string Number = "number";
    public const string Points = "points";
    public const string WorkingDays = "working-days";
    public const string Months = "months";
    public const string Years = "years";
    public const string Time = "time";
    public const string Flag = "flag";
    public const string Text = "text";
    public const string List = "list";
}

/// <summary>
/// One difference between two rule sets: the rule (<see cref="Field"/>, with <see cref="Item"/> naming the title,
/// criterion, seat, option or attachment kind within it), how its values read (<see cref="Kind"/>), and the value
/// before and after as invariant text (null: not set in that year).
/// </summary>
public sealed record RuleSetChange(string Field, string? Item, string Kind, string? Before, string? After)
{
    public string Change => Before is null ? "added" : After is null ? "removed" : "changed";
}

/// <summary>
/// What changed in a scheme's policy from one rule set to another (rates, caps, window, installments, panel, notice,
/// build period, extensions, acceptance, sanctions, attachments …): each rule compared value by value. Pure: two
/// documents in, the differences out, in the order the rule set reads.
/// </summary>
public static class RuleSetDiff
{
    public static IReadOnlyList<RuleSetChange> Between(RuleSetDocument from, RuleSetDocument to)
    {
        var before = Flatten(from);
        var after = Flatten(to);
        // In the later year's order; a rule it dropped stays where the earlier year had it.
        var keys = after.Select(v => (v.Field, v.Item)).Distinct().ToList();
        for (var i = 0; i < before.Count; i++)
        {
            var key = (before[i].Field, before[i].Item);
            if (!keys.Contains(key)) keys.Insert(i == 0 ? 0 : keys.IndexOf((before[i - 1].Field, before[i - 1].Item)) + 1, key);
        }
        var changes = new List<RuleSetChange>();
        foreach (var (field, item) in keys)
        {
            var old = before.FirstOrDefault(v => v.Field == field && v.Item == item);
            var now = after.FirstOrDefault(v => v.Field == field && v.Item == item);
            if (old?.Value == now?.Value) continue;
            changes.Add(new RuleSetChange(field, item, (now ?? old)!.Kind, old?.Value, now?.Value));
        }
        return changes;
    }

    private sealed record RuleValue(string Field, string? Item, string Kind, string? Value);

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static List<RuleValue> Flatten(RuleSetDocument d)
    {
        var values = new List<RuleValue>();
        void Add(string field, string kind, object? value, string? item = null)
        {
            var text = value switch
            {
                null => null,
                decimal m => Number(m),
                bool b => b ? "true" : "false",
                DateTimeOffset t => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            values.Add(new RuleValue(field, item, kind, text));
        }
        static string? List<T>(IEnumerable<T>? items) => items is null ? null : string.Join(", ", items);

        Add("windowOpens", RuleValueKinds.Time, d.WindowOpens);
        Add("windowCloses", RuleValueKinds.Time, d.WindowCloses);
        AddSupport(values, "support", null, d.Support);
        foreach (var option in d.SupportOptions ?? [])
        {
            if (option?.Key is null) continue;
            Add("supportOption", RuleValueKinds.Text, option.NameZh ?? option.Name ?? option.Key, option.Key);
            AddSupport(values, "supportOption", option.Key, option.Rule);
        }
        Add("eligibleCostCategories", RuleValueKinds.List, List(d.EligibleCostCategories));
        Add("installmentPercents", RuleValueKinds.List, List(d.InstallmentPercents));
        Add("minFixedAssetShare", RuleValueKinds.Rate, d.MinFixedAssetShare);
        Add("fixedAssetCategories", RuleValueKinds.List, List(d.FixedAssetCategories));
        Add("requiresProjectPool", RuleValueKinds.Flag, d.RequiresProjectPool);
        Add("projectPoolYears", RuleValueKinds.Years, d.ProjectPoolYears);
        Add("districtForwardingWorkingDays", RuleValueKinds.WorkingDays, d.DistrictForwardingWorkingDays);
        if (d.Panel is { } panel)
        {
            Add("panel.size", RuleValueKinds.Number, panel.Size);
            Add("panel.quorum", RuleValueKinds.Number, panel.Quorum);
            foreach (var (field, seats) in (panel.Seats ?? new Dictionary<string, int>()).OrderBy(s => s.Key, StringComparer.Ordinal))
                Add("panel.seats", RuleValueKinds.Number, seats, field);
            Add("panel.passScore", RuleValueKinds.Points, panel.PassScore);
            Add("panel.dropHighestAndLowest", RuleValueKinds.Flag, panel.DropHighestAndLowest);
            Add("panel.conflictLookbackYears", RuleValueKinds.Years, panel.ConflictLookbackYears);
            foreach (var criterion in panel.Rubric ?? [])
                if (criterion?.Key is not null) Add("panel.rubric", RuleValueKinds.Points, criterion.MaxPoints, criterion.Key);
        }
        Add("noticeWorkingDays", RuleValueKinds.WorkingDays, d.NoticeWorkingDays);
        Add("buildPeriodMonths", RuleValueKinds.Months, d.BuildPeriodMonths);
        Add("maxExtensions", RuleValueKinds.Number, d.MaxExtensions);
        Add("maxExtensionMonths", RuleValueKinds.Months, d.MaxExtensionMonths);
        Add("extensionLeadMonths", RuleValueKinds.Months, d.ExtensionLeadMonths);
        Add("acceptanceWindowMonths", RuleValueKinds.Months, d.AcceptanceWindowMonths);
        Add("sanctionYears", RuleValueKinds.Years, d.SanctionYears);
        Add("recoveryReturnsTo", RuleValueKinds.Text, d.RecoveryReturnsTo);
        foreach (var attachment in d.RequiredAttachments ?? [])
            if (attachment?.Kind is not null) Add("requiredAttachments", RuleValueKinds.Text, $"{attachment.NameZh} / {attachment.NameEn}", attachment.Kind);
        Add("source", RuleValueKinds.Text, d.Source);
        return values;
    }

    private static void AddSupport(List<RuleValue> values, string prefix, string? item, SupportDocument? support)
    {
        if (support is null) return;
        void Add(string field, string kind, string? value, string? which = null) =>
            values.Add(new RuleValue($"{prefix}.{field}", which is null ? item : item is null ? which : $"{item}: {which}", kind, value));
        Add("method", RuleValueKinds.Text, support.Method);
        Add("rate", RuleValueKinds.Rate, support.Rate is { } r ? Number(r) : null);
        Add("cap", RuleValueKinds.Money, support.CapFen?.ToString(CultureInfo.InvariantCulture));
        Add("perTonne", RuleValueKinds.Money, support.PerTonneFen?.ToString(CultureInfo.InvariantCulture));
        Add("maxShareOfInvestment", RuleValueKinds.Rate, support.MaxShareOfInvestment is { } s ? Number(s) : null);
        foreach (var (title, fen) in (support.AwardsFen ?? new Dictionary<string, long>()).OrderBy(a => a.Key, StringComparer.Ordinal))
            Add("award", RuleValueKinds.Money, fen.ToString(CultureInfo.InvariantCulture), title);
    }
}
