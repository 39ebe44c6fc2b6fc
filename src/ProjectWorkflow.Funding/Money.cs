using System.Globalization;

namespace ProjectWorkflow.Funding;

/// <summary>
/// An amount of renminbi in integer fen (分). Never a double: every amount the fund pays is exact,
/// and every rounding is a named choice (<see cref="ApplyRate"/> rounds down, so a rule never pays more than it says).
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static Money Zero => new(0);

    /// <summary>
    /// The largest amount the fund handles: 10^15 fen (10 trillion yuan), far above any budget and far below
    /// <see cref="long.MaxValue"/>, so sums of thousands of amounts stay exact. Every amount a request brings in
    /// is checked against it (<see cref="IsWithinLimit"/>); arithmetic on amounts is checked as well.
    /// </summary>
    public const long MaxFen = 1_000_000_000_000_000;

    /// <summary>Whether a number of fen is an amount the fund accepts: from -<see cref="MaxFen"/> to <see cref="MaxFen"/>.</summary>
    public static bool IsWithinLimit(long fen) => fen is >= -MaxFen and <= MaxFen;

    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
            throw new ArgumentException($"{yuan} yuan is not a whole number of fen; amounts have at most two decimals.", nameof(yuan));
        return new Money(checked((long)fen));
    }

    /// <summary>万元 (10,000 yuan), the unit notices use for caps.</summary>
    public static Money FromWanYuan(decimal wan) => FromYuan(wan * 10_000m);

    public decimal Yuan => Fen / 100m;

    public bool IsNegative => Fen < 0;

    /// <summary>This amount times a rate (0.10 = 10%), rounded down to the fen.</summary>
    public Money ApplyRate(decimal rate)
    {
        if (rate < 0) throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate cannot be negative.");
        return new Money(checked((long)decimal.Floor(Fen * rate)));
    }

    /// <summary>This amount scaled by part/whole (a pro-rata cut), rounded down to the fen.</summary>
    public Money ProRata(Money part, Money whole)
    {
        if (whole.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(whole), "The whole must be positive.");
        if (part.Fen >= whole.Fen) return this;
        if (part.Fen <= 0) return Zero;
        return new Money(checked((long)decimal.Floor((decimal)Fen * part.Fen / whole.Fen)));
    }

    public static Money Min(Money a, Money b) => a.Fen <= b.Fen ? a : b;
    public static Money Max(Money a, Money b) => a.Fen >= b.Fen ? a : b;

    public static Money Min(params Money[] amounts)
    {
        var min = amounts[0];
        foreach (var amount in amounts) if (amount.Fen < min.Fen) min = amount;
        return min;
    }

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator *(Money a, long factor) => new(checked(a.Fen * factor));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>¥1,234,567.89 — how finance officers read amounts.</summary>
    public override string ToString() =>
        (Fen < 0 ? "-¥" : "¥") + (Math.Abs((decimal)Fen) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
