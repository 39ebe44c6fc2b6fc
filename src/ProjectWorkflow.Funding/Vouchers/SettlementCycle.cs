namespace ProjectWorkflow.Funding.Vouchers;

/// <summary>
/// One settlement cycle of a voucher scheme: a year cut into cycles of N months (3 = quarterly). Claims whose notice
/// ended within the cycle are paid in it, one payment order per provider.
/// </summary>
public readonly record struct SettlementCycle(int Year, int Number, int Months)
{
    public static SettlementCycle Containing(DateOnly day, int months)
    {
        if (months is not (1 or 3 or 6 or 12)) throw new ArgumentOutOfRangeException(nameof(months), months, "A cycle is 1, 3, 6 or 12 months.");
        return new SettlementCycle(day.Year, (day.Month - 1) / months + 1, months);
    }

    public DateOnly Starts => new(Year, (Number - 1) * Months + 1, 1);
    public DateOnly Ends => Starts.AddMonths(Months).AddDays(-1);

    /// <summary>The cycle before this one (the one a run at the start of a quarter settles).</summary>
    public SettlementCycle Previous => Containing(Starts.AddDays(-1), Months);

    /// <summary>2026-Q1 for quarters, 2026-M07 for months, 2026-H2, 2026-Y.</summary>
    public string Key => Months switch
    {
        3 => $"{Year}-Q{Number}",
        1 => $"{Year}-M{Number:00}",
        6 => $"{Year}-H{Number}",
        _ => $"{Year}-Y",
    };

    public override string ToString() => Key;
}
