using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>approved amount = min(rate × eligible investment, cap, budget left), to the fen.</summary>
public class SubsidyCalculationTests
{
    private static readonly InvestmentSubsidy TechUpgrade = new(0.10m, Money.FromWanYuan(10_000));

    private static ProjectFigures Investment(decimal wan) => new(Money.FromWanYuan(wan), Money.FromWanYuan(wan), 0, null);

    [Fact]
    public void Rate_Cap_AndBudget_EachLimitTheAmount()
    {
        Assert.Equal(Money.FromWanYuan(8_000), SubsidyCalculation.Approved(TechUpgrade, Investment(80_000), Money.FromWanYuan(50_000)).Amount);
        Assert.Equal(Money.FromWanYuan(10_000), SubsidyCalculation.Approved(TechUpgrade, Investment(150_000), Money.FromWanYuan(50_000)).Amount);
        var limited = SubsidyCalculation.Approved(TechUpgrade, Investment(80_000), Money.FromWanYuan(5_000));
        Assert.Equal(Money.FromWanYuan(5_000), limited.Amount);
        Assert.Contains(limited.Steps, s => s.Contains("budget left"));
    }

    [Fact]
    public void OddFen_RoundDown()
    {
        var figures = new ProjectFigures(new Money(123_456_789), new Money(123_456_789), 0, null);
        Assert.Equal(new Money(12_345_678), SubsidyCalculation.Approved(TechUpgrade, figures, Money.FromWanYuan(50_000)).Amount);
    }

    [Fact]
    public void EnergySaving_PerTonne_LimitedByShareOfInvestmentAndCap()
    {
        var green = new EnergySavingSubsidy(Money.FromYuan(600), 0.30m, Money.FromWanYuan(500));
        var byTonnes = SubsidyCalculation.Approved(green, new ProjectFigures(Money.FromWanYuan(2_000), Money.FromWanYuan(2_000), 5_000m, null), Money.FromWanYuan(10_000));
        var byShare = SubsidyCalculation.Approved(green, new ProjectFigures(Money.FromWanYuan(800), Money.FromWanYuan(800), 5_000m, null), Money.FromWanYuan(10_000));
        var byCap = SubsidyCalculation.Approved(green, new ProjectFigures(Money.FromWanYuan(9_000), Money.FromWanYuan(9_000), 100_000m, null), Money.FromWanYuan(10_000));

        Assert.Equal(Money.FromWanYuan(300), byTonnes.Amount);
        Assert.Equal(Money.FromWanYuan(240), byShare.Amount);
        Assert.Equal(Money.FromWanYuan(500), byCap.Amount);
    }

    [Fact]
    public void TitleAward_PaysTheTitlesAmount_OrNothing()
    {
        var award = new TitleAward(new Dictionary<string, Money> { ["city-green-factory"] = Money.FromWanYuan(50), ["national-green-factory"] = Money.FromWanYuan(100) });
        Assert.Equal(Money.FromWanYuan(100), SubsidyCalculation.Approved(award, new ProjectFigures(Money.Zero, Money.Zero, 0, "national-green-factory"), Money.FromWanYuan(1_000)).Amount);
        Assert.Equal(Money.Zero, SubsidyCalculation.Approved(award, new ProjectFigures(Money.Zero, Money.Zero, 0, "none"), Money.FromWanYuan(1_000)).Amount);
    }

    [Fact]
    public void Installments_AddUpExactly_TheLastTakesTheOddFen()
    {
        var parts = SubsidyCalculation.Installments(new Money(1_000_001), [50, 50]);
        Assert.Equal([new Money(500_000), new Money(500_001)], parts);
        Assert.Equal(new Money(1_000_001), parts[0] + parts[1]);
    }

    [Fact]
    public void Acceptance_CutsProRata_WhenInvestmentFallsShort()
    {
        var approved = Money.FromWanYuan(1_000);
        Assert.Equal(Money.FromWanYuan(800), SubsidyCalculation.AfterAcceptance(approved, Money.FromWanYuan(10_000), Money.FromWanYuan(8_000)).Amount);
        Assert.Equal(approved, SubsidyCalculation.AfterAcceptance(approved, Money.FromWanYuan(10_000), Money.FromWanYuan(11_000)).Amount);
    }
}
