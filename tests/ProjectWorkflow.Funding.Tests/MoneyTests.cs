using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Funding.Tests;

public class MoneyTests
{
    [Fact]
    public void Amounts_AreWholeFen_AndRatesRoundDown()
    {
        Assert.Equal(123_456L, Money.FromYuan(1234.56m).Fen);
        Assert.Equal(Money.FromYuan(100_000_000m), Money.FromWanYuan(10_000m));
        Assert.Throws<ArgumentException>(() => Money.FromYuan(0.001m));
        Assert.Equal(33L, new Money(333).ApplyRate(0.1m).Fen);   // 33.3 fen → 33: never pay more than the rule says
        Assert.Equal("¥1,234,567.89", new Money(123_456_789).ToString());
        Assert.Equal("-¥0.05", new Money(-5).ToString());
    }

    [Fact]
    public void ProRata_CutsBelowTheWhole_NeverRaises()
    {
        var approved = Money.FromWanYuan(1000);
        Assert.Equal(Money.FromWanYuan(800), approved.ProRata(Money.FromWanYuan(8000), Money.FromWanYuan(10000)));
        Assert.Equal(approved, approved.ProRata(Money.FromWanYuan(12000), Money.FromWanYuan(10000)));
        Assert.Equal(Money.Zero, approved.ProRata(Money.Zero, Money.FromWanYuan(10000)));
    }

    [Fact]
    public void Arithmetic_Overflow_IsRefusedNotWrapped()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
    }

    [Fact]
    public void The_largest_amount_the_fund_takes_is_10_to_the_15_fen_and_thousands_of_them_still_add_up_exactly()
    {
        Assert.True(Money.IsWithinLimit(Money.MaxFen));
        Assert.True(Money.IsWithinLimit(-Money.MaxFen));
        Assert.False(Money.IsWithinLimit(Money.MaxFen + 1));
        Assert.False(Money.IsWithinLimit(long.MaxValue));
        Assert.Equal(9_000 * Money.MaxFen, (new Money(Money.MaxFen) * 9_000).Fen);
    }
}
