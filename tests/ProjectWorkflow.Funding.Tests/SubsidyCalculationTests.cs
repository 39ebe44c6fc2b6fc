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

    [Fact]
    public void LoanInterest_IsHalfTheInterest_Capped_AndEachInstallmentIsHalfTheInterestPaid_NeverAboveWhatIsLeft()
    {
        var rule = new LoanInterestSubsidy(0.5m, Money.FromWanYuan(1_000));
        var figures = new ProjectFigures(Money.Zero, Money.Zero, 0, null) { LoanInterest = new Money(3_456_789_01) };
        // 50% × ¥3,456,789.01 = ¥1,728,394.505 → 172,839,450 fen (rounded down)
        var approved = SubsidyCalculation.Approved(rule, figures, Money.FromWanYuan(50_000));
        Assert.Equal(new Money(172_839_450), approved.Amount);
        Assert.Contains("50% × loan interest", approved.Steps[0]);
        Assert.Equal(Money.FromWanYuan(1_000), SubsidyCalculation.Approved(rule, figures with { LoanInterest = Money.FromWanYuan(2_500) }, Money.FromWanYuan(50_000)).Amount);

        // Interest paid ¥1,234,567.89 → ¥617,283.945 → 61,728,394 fen; then the last evidence pays only what is left.
        Assert.Equal(new Money(61_728_394), SubsidyCalculation.InterestInstallment(rule, new Money(123_456_789), approved.Amount, Money.Zero).Amount);
        var last = SubsidyCalculation.InterestInstallment(rule, Money.FromWanYuan(300), approved.Amount, new Money(161_728_394));
        Assert.Equal(new Money(11_111_056), last.Amount);
        Assert.Contains(last.Steps, s => s.Contains("left of the approved amount"));
        Assert.Equal(Money.Zero, SubsidyCalculation.InterestInstallment(rule, Money.FromWanYuan(10), approved.Amount, approved.Amount).Amount);
    }

    [Fact]
    public void FinanceLease_IsFivePercentOfTheLeasedEquipment_Capped()
    {
        var rule = new FinanceLeaseSubsidy(0.05m, Money.FromWanYuan(1_000));
        Assert.Equal(new Money(6_172_839), SubsidyCalculation.Approved(rule, new ProjectFigures(Money.Zero, Money.Zero, 0, null) { LeasedEquipment = new Money(123_456_789) }, Money.FromWanYuan(50_000)).Amount);
        var capped = SubsidyCalculation.Approved(rule, new ProjectFigures(Money.Zero, Money.Zero, 0, null) { LeasedEquipment = Money.FromWanYuan(30_000) }, Money.FromWanYuan(50_000));
        Assert.Equal(Money.FromWanYuan(1_000), capped.Amount);
        Assert.Contains(capped.Steps, s => s.Contains("capped"));
    }

    [Fact]
    public void EnergySavingTiers_PayTheirOwnRatePerTonne_AndTheLowCarbonTierItsOwnCap()
    {
        var figures = new ProjectFigures(Money.FromWanYuan(9_000), Money.FromWanYuan(9_000), 1_234.567m, null);
        // ¥600 × 1,234.567 tce = ¥740,740.20; ¥800 × = ¥987,653.60; ¥2,000 × = ¥2,469,134.00
        Assert.Equal(new Money(74_074_020), SubsidyCalculation.Approved(new EnergySavingSubsidy(new Money(60_000), 0.3m, Money.FromWanYuan(500)), figures, Money.FromWanYuan(50_000)).Amount);
        Assert.Equal(new Money(98_765_360), SubsidyCalculation.Approved(new EnergySavingSubsidy(new Money(80_000), 0.3m, Money.FromWanYuan(500)), figures, Money.FromWanYuan(50_000)).Amount);
        var lowCarbon = new EnergySavingSubsidy(new Money(200_000), 0.3m, Money.FromWanYuan(1_000));
        Assert.Equal(new Money(246_913_400), SubsidyCalculation.Approved(lowCarbon, figures, Money.FromWanYuan(50_000)).Amount);
        Assert.Equal(Money.FromWanYuan(1_000), SubsidyCalculation.Approved(lowCarbon, figures with { TonnesCoalSaved = 6_000m }, Money.FromWanYuan(50_000)).Amount);
    }

    [Fact]
    public void ARuleSet_OffersItsOptions_AndNamesTheDefault()
    {
        var rules = ProjectLifecycleTests.Rules with
        {
            SupportOptions = [new("standard", "Standard", "一般", new EnergySavingSubsidy(new Money(60_000), 0.3m, Money.FromWanYuan(500))),
                new("low-carbon", "Low carbon", "低碳", new EnergySavingSubsidy(new Money(200_000), 0.3m, Money.FromWanYuan(1_000)))],
        };
        Assert.Equal("standard", rules.OptionFor(null)!.Key);
        Assert.Equal(new Money(200_000), ((EnergySavingSubsidy)rules.OptionFor("low-carbon")!.Rule).PerTonneCoalSaved);
        Assert.Null(rules.OptionFor("title-award"));
        Assert.Equal("investment-subsidy", ProjectLifecycleTests.Rules.OptionFor(null)!.Key);
        Assert.Empty(rules.Problems());
        Assert.NotEmpty((rules with { SupportOptions = [.. rules.SupportOptions, rules.SupportOptions[0]] }).Problems());
        Assert.NotEmpty((rules with { SupportOptions = [new("x", "x", "x", new LoanInterestSubsidy(1.5m, Money.FromWanYuan(1)))] }).Problems());
    }

    [Fact]
    public void TheDistrictForwards_WorkingDaysAfterTheWindowCloses_NotAfterTheSubmission()
    {
        var rules = ProjectLifecycleTests.Rules with
        {
            Window = new ApplicationWindow(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 2, 4, 16, 0, 0, TimeSpan.FromHours(8))),
            DistrictForwardingWorkingDays = 2,
        };
        var calendar = Calendar.WorkingDayCalendar.WeekdaysOnly;
        // Submitted on Monday 26 January; the window closes Wednesday 4 February: due by the end of Friday 6 February, Shanghai.
        Assert.Equal(new DateTimeOffset(2026, 2, 7, 0, 0, 0, TimeSpan.FromHours(8)), DistrictDue.At(rules, calendar, new DateTimeOffset(2026, 1, 26, 2, 0, 0, TimeSpan.Zero)));
        // Year-round intake (or a file supplemented after the close): from the day itself.
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.FromHours(8)), DistrictDue.At(rules with { Window = ApplicationWindow.YearRound }, calendar, new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));
    }
}
