using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>Each named rule refuses exactly when it should, with a message a person can act on.</summary>
public class RuleTests
{
    [Fact]
    public void Window_IsOpenFromOpensUntilCloses()
    {
        var china = TimeSpan.FromHours(8);
        var window = new ApplicationWindow(new DateTimeOffset(2026, 1, 20, 9, 0, 0, china), new DateTimeOffset(2026, 2, 4, 16, 0, 0, china));
        Assert.False(new ApplicationWindowClosedRule(window, new DateTimeOffset(2026, 2, 4, 15, 59, 0, china)).IsBroken());
        var late = new ApplicationWindowClosedRule(window, new DateTimeOffset(2026, 2, 4, 16, 0, 0, china));
        Assert.True(late.IsBroken());
        Assert.Contains("2026-02-04 16:00", late.Message.English);
    }

    [Fact]
    public void BatchReview_IsRefusedUntilTheWindowCloses_InShanghaiTime_AndAlwaysOpenForYearRoundIntake()
    {
        var window = new ApplicationWindow(new DateTimeOffset(2026, 1, 20, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 4, 8, 0, 0, TimeSpan.Zero));
        var early = new BatchReviewBeforeWindowClosesRule(window, new DateTimeOffset(2026, 2, 4, 7, 59, 0, TimeSpan.Zero));
        Assert.True(early.IsBroken());
        Assert.Contains("2026-02-04 16:00", early.Message.Chinese);
        Assert.Contains("2026-02-04 16:00 Shanghai time", early.Message.English);
        Assert.False(new BatchReviewBeforeWindowClosesRule(window, new DateTimeOffset(2026, 2, 4, 16, 0, 0, TimeSpan.FromHours(8))).IsBroken());
        Assert.False(new BatchReviewBeforeWindowClosesRule(ApplicationWindow.YearRound, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).IsBroken());
    }

    [Fact]
    public void Extension_AskedLessThanThreeMonthsBefore_OrTwice_OrTooLong_IsRefused()
    {
        var ends = new DateOnly(2028, 6, 30);
        Assert.False(new ExtensionAskedTooLateRule(ends, new DateOnly(2028, 3, 30), 3).IsBroken());
        var late = new ExtensionAskedTooLateRule(ends, new DateOnly(2028, 4, 1), 3);
        Assert.True(late.IsBroken());
        Assert.Contains("2028-03-30", late.Message.English);
        Assert.True(new ExtensionAlreadyUsedRule(1, 1).IsBroken());
        Assert.False(new ExtensionAlreadyUsedRule(0, 1).IsBroken());
        Assert.True(new ExtensionTooLongRule(13, 12).IsBroken());
        Assert.False(new ExtensionTooLongRule(12, 12).IsBroken());
    }

    [Fact]
    public void Acceptance_MoreThanTwoMonthsAfterTheBuildPeriod_IsRefused()
    {
        var ends = new DateOnly(2028, 6, 30);
        Assert.False(new AcceptanceOutsideWindowRule(ends, new DateOnly(2028, 8, 30), 2).IsBroken());
        Assert.True(new AcceptanceOutsideWindowRule(ends, new DateOnly(2028, 9, 1), 2).IsBroken());
    }

    [Fact]
    public void Sanction_BarsUntilItEnds_NamingWhoIsBarred()
    {
        var sanction = new CreditSanction("Zhang San", CreditSanction.Leader, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2029, 5, 1, 0, 0, 0, TimeSpan.Zero), "recovered subsidy APP-2025-0007");
        var rule = new EnterpriseUnderSanctionRule([sanction], new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(rule.IsBroken());
        Assert.Contains("project leader", rule.Message.English);
        Assert.Contains("项目负责人", rule.Message.Chinese);
        Assert.False(new EnterpriseUnderSanctionRule([sanction], new DateTimeOffset(2029, 5, 2, 0, 0, 0, TimeSpan.Zero)).IsBroken());
    }

    [Fact]
    public void OnePersonCannotPlayTwoRolesOnAProject()
    {
        var rule = new RoleConflictRule("expert1", ProjectRole.Payer, [ProjectRole.Expert]);
        Assert.True(rule.IsBroken());
        Assert.Contains("expert", rule.Message.English);
        Assert.False(new RoleConflictRule("expert1", ProjectRole.Expert, [ProjectRole.Expert]).IsBroken());
        var ex = Assert.Throws<FundingRuleBrokenException>(() => Check.Rules(new NotInProjectPoolRule(false, false), rule));
        Assert.Equal("RoleConflict", ex.RuleName);
    }

    [Fact]
    public void AnonymousObjections_AreRefused()
    {
        Assert.True(new ObjectionNotSignedRule(null, true).IsBroken());
        Assert.True(new ObjectionNotSignedRule("Li Si", false).IsBroken());
        Assert.False(new ObjectionNotSignedRule("Li Si", true).IsBroken());
    }

    [Fact]
    public void ARedemption_WaitsForTheBuyerToConfirmTheDelivery()
    {
        var unconfirmed = new DeliveryNotConfirmedRule("IVO-2026-0001", confirmed: false);
        Assert.True(unconfirmed.IsBroken());
        Assert.Contains("IVO-2026-0001", unconfirmed.Message.Chinese);
        Assert.Contains("confirm", unconfirmed.Message.English);
        Assert.False(new DeliveryNotConfirmedRule("IVO-2026-0001", confirmed: true).IsBroken());
    }

    [Fact]
    public void Fingerprint_IgnoresSpacingPunctuationWidthAndCase_ButNotTheEnterprise()
    {
        var acme = Uscc.Parse("91310000MA1FL4UJ5Y");
        var other = Uscc.Parse("91350100M000100Y43");
        var a = ProjectFingerprint.Of(acme, "Line 3 Retrofit", "No. 88, Jinqiao Rd");
        Assert.Equal(a, ProjectFingerprint.Of(acme, "line３ retrofit。", "No 88 Jinqiao Rd"));
        Assert.NotEqual(a, ProjectFingerprint.Of(other, "Line 3 Retrofit", "No. 88, Jinqiao Rd"));
        Assert.NotEqual(a, ProjectFingerprint.Of(acme, "Line 4 Retrofit", "No. 88, Jinqiao Rd"));
    }
}
