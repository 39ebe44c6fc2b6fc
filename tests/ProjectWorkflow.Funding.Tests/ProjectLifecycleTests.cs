using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>After approval: the build period and its one extension, the acceptance window, sanctions and the evaluation.</summary>
public class ProjectLifecycleTests
{
    internal static readonly RuleSet Rules = new()
    {
        SchemeKey = "tech-upgrade",
        Year = 2026,
        Source = "test",
        Window = ApplicationWindow.YearRound,
        EligibleCostCategories = ["equipment"],
        Support = new InvestmentSubsidy(0.1m, Money.FromWanYuan(10_000)),
        InstallmentPercents = [50, 50],
        NoticeWorkingDays = 5,
        BuildPeriodMonths = 24,
        MaxExtensions = 1,
        MaxExtensionMonths = 12,
        ExtensionLeadMonths = 3,
        AcceptanceWindowMonths = 2,
        Panel = new PanelRule(5, 5, [new RubricCriterion("t", "t", 100)], 60, true),
        RequiresProjectPool = false,
        SanctionYears = 3,
    };

    [Fact]
    public void BuildPeriod_RunsTheRuleSetsMonths_AndAcceptanceIsDueTwoMonthsAfter_AtTheEndOfThatDayInShanghai()
    {
        var schedule = ProjectSchedule.Start(new DateOnly(2026, 2, 10), Rules);
        Assert.Equal(new DateOnly(2028, 2, 10), schedule.BuildEndsOn);
        Assert.Equal(new DateOnly(2028, 4, 10), schedule.AcceptanceDueOn);
        Assert.Equal(new DateTimeOffset(2028, 4, 10, 16, 0, 0, TimeSpan.Zero), schedule.AcceptanceDueAt);
        schedule.CheckAcceptanceRequest(new DateOnly(2028, 4, 10));
        Assert.Equal("AcceptanceOutsideWindow", Assert.Throws<FundingRuleBrokenException>(() => schedule.CheckAcceptanceRequest(new DateOnly(2028, 4, 11))).RuleName);
    }

    [Fact]
    public void Extension_OnceAndAtMostAYear_AskedThreeMonthsAhead_MovesTheBuildEndAndTheAcceptanceWindow()
    {
        var schedule = ProjectSchedule.Start(new DateOnly(2026, 2, 10), Rules);
        Assert.Equal("ExtensionTooLong", Assert.Throws<FundingRuleBrokenException>(() => schedule.CheckExtension(13, new DateOnly(2027, 1, 1), Rules)).RuleName);
        Assert.Equal("ExtensionAskedTooLate", Assert.Throws<FundingRuleBrokenException>(() => schedule.CheckExtension(6, new DateOnly(2027, 11, 11), Rules)).RuleName);
        schedule.CheckExtension(6, new DateOnly(2027, 11, 10), Rules);

        var extended = schedule.Extend(6);
        Assert.Equal(new DateOnly(2028, 8, 10), extended.BuildEndsOn);
        Assert.Equal(new DateOnly(2028, 10, 10), extended.AcceptanceDueOn);
        Assert.Equal("ExtensionAlreadyUsed", Assert.Throws<FundingRuleBrokenException>(() => extended.CheckExtension(1, new DateOnly(2027, 12, 1), Rules)).RuleName);
    }

    [Fact]
    public void Recovery_BarsTheEnterpriseAndTheLeader_ForTheRuleSetsYears()
    {
        var at = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var project = ProjectStories.Building(Rules, at.AddMonths(-3));
        var sanctions = project.Recover("false invoices", at, Rules.SanctionYears);
        Assert.Equal(ApplicationStatus.Recovered, project.Status);
        Assert.Equal("false invoices", project.RecoveryReason);
        Assert.Equal(["enterprise", "leader"], sanctions.Select(s => s.SubjectKind));
        Assert.Equal([project.Uscc, project.ProjectLeaderIdentity], sanctions.Select(s => s.Subject));
        Assert.All(sanctions, s => Assert.Equal(at.AddYears(3), s.Until));
        Assert.All(sanctions, s => Assert.Equal(project.Id, s.ApplicationId));
        Assert.True(new EnterpriseUnderSanctionRule(sanctions, at.AddYears(3).AddDays(-1)).IsBroken());
        Assert.False(new EnterpriseUnderSanctionRule(sanctions, at.AddYears(3)).IsBroken());
    }

    [Fact]
    public void Evaluation_ScoresTheShareOfEachPromisedIndicatorReached_CappedAtAHundred()
    {
        var planned = new ProjectIndicators(2_500m, Money.FromWanYuan(80_000), Money.FromWanYuan(20_000), 36);
        var reached = new ProjectIndicators(2_000m, Money.FromWanYuan(90_000), Money.FromWanYuan(15_000), 36);
        var result = PerformanceEvaluation.Of(planned, reached);
        Assert.Equal([80m, 112.5m, 75m, 100m], result.Indicators.Select(i => i.PercentReached));
        Assert.Equal(88.75m, result.Score);   // (80 + 100 + 75 + 100) / 4
        Assert.Equal("good", result.Grade);
        Assert.Equal("fail", PerformanceEvaluation.Of(planned, new ProjectIndicators(0, Money.Zero, Money.Zero, 0)).Grade);
    }
}
