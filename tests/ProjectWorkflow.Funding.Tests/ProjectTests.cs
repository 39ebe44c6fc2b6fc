using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>A funded project's own moves, from the agreement to closing or recovery, each refusing what its rules do not allow.</summary>
public class ProjectTests
{
    private static readonly DateTimeOffset FirstPaid = new(2026, 2, 10, 2, 0, 0, TimeSpan.Zero);   // 10:00 in Shanghai

    [Fact]
    public void Agreement_PaysTheEnterpriseItself_AtItsRegisteredAccount()
    {
        var project = ProjectStories.Approved();
        var wrongPayee = Assert.Throws<FundingRuleBrokenException>(() =>
            project.SignAgreement("Someone Else Trading Ltd.", ProjectStories.Account, ProjectStories.Enterprise, ProjectStories.Account, FirstPaid));
        Assert.Equal("PayeeNotTheEnterprise", wrongPayee.RuleName);
        var otherAccount = Assert.Throws<FundingRuleBrokenException>(() =>
            project.SignAgreement(ProjectStories.Enterprise, "6222000011112222333", ProjectStories.Enterprise, ProjectStories.Account, FirstPaid));
        Assert.Equal("AccountNotRegistered", otherAccount.RuleName);
        var noAccount = Assert.Throws<FundingRuleBrokenException>(() =>
            project.SignAgreement(ProjectStories.Enterprise, ProjectStories.Account, ProjectStories.Enterprise, null, FirstPaid));
        Assert.Equal("AccountNotRegistered", noAccount.RuleName);
        Assert.Null(project.AgreementSignedAt);
        Assert.Null(project.PayeeAccount);

        project.SignAgreement(ProjectStories.Enterprise, ProjectStories.Account, ProjectStories.Enterprise, ProjectStories.Account, FirstPaid);
        Assert.Equal(ProjectStories.Enterprise, project.PayeeName);
        Assert.Equal(ProjectStories.Account, project.PayeeAccount);
        Assert.Equal(FirstPaid, project.AgreementSignedAt);
    }

    [Fact]
    public void Agreement_IsSignedOnlyForAnApprovedProject()
    {
        var project = ProjectStories.Building(ProjectLifecycleTests.Rules, FirstPaid);
        Assert.Throws<IllegalTransitionException>(() =>
            project.SignAgreement(ProjectStories.Enterprise, ProjectStories.Account, ProjectStories.Enterprise, ProjectStories.Account, FirstPaid));
    }

    [Fact]
    public void FirstInstallment_StartsTheBuildPeriod_OfTheRuleSetsMonths()
    {
        var project = ProjectStories.Building(ProjectLifecycleTests.Rules, FirstPaid);
        Assert.Equal(ApplicationStatus.Building, project.Status);
        Assert.Equal(new DateOnly(2026, 2, 10), project.BuildStartedOn);
        Assert.Equal(new DateOnly(2028, 2, 10), project.BuildEndsOn);
        Assert.Equal(new DateTimeOffset(2028, 4, 10, 16, 0, 0, TimeSpan.Zero), project.AcceptanceDueAt);
        Assert.Throws<IllegalTransitionException>(() => project.StartBuilding(ProjectLifecycleTests.Rules, FirstPaid));
    }

    [Fact]
    public void Extension_AskedInTime_IsGrantedOnceApproved_AndOnlyOnce()
    {
        var rules = ProjectLifecycleTests.Rules;
        var project = ProjectStories.Building(rules, FirstPaid);
        var askedAt = new DateTimeOffset(2027, 6, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal("ExtensionTooLong", Assert.Throws<FundingRuleBrokenException>(() =>
            ChangeRequest.Ask(project, ChangeRequestKinds.Extension, 13, "supplier delay", "enterprise1", askedAt, rules, anotherPending: false)).RuleName);
        Assert.Equal("ExtensionAskedTooLate", Assert.Throws<FundingRuleBrokenException>(() =>
            ChangeRequest.Ask(project, ChangeRequestKinds.Extension, 6, "supplier delay", "enterprise1", new DateTimeOffset(2027, 12, 1, 2, 0, 0, TimeSpan.Zero), rules, anotherPending: false)).RuleName);

        var change = ChangeRequest.Ask(project, ChangeRequestKinds.Extension, 6, "supplier delay", "enterprise1", askedAt, rules, anotherPending: false);
        Assert.Null(project.GrantExtension(change, rules));   // not approved yet: nothing moves
        Assert.Equal(new DateOnly(2028, 2, 10), project.BuildEndsOn);

        change.Decide(approved: true, "reviewer1", "the delay is documented", askedAt.AddDays(5));
        var extended = project.GrantExtension(change, rules);
        Assert.Equal(new DateOnly(2028, 8, 10), extended?.BuildEndsOn);
        Assert.Equal(new DateOnly(2028, 8, 10), project.BuildEndsOn);
        Assert.Equal(1, project.ExtensionsGranted);
        Assert.Equal(new DateTimeOffset(2028, 10, 10, 16, 0, 0, TimeSpan.Zero), project.AcceptanceDueAt);

        Assert.Equal("ExtensionAlreadyUsed", Assert.Throws<FundingRuleBrokenException>(() =>
            ChangeRequest.Ask(project, ChangeRequestKinds.Extension, 1, "again", "enterprise1", askedAt.AddDays(10), rules, anotherPending: false)).RuleName);
    }

    [Fact]
    public void ChangeRequest_OneWaitsAtATime_AndIsDecidedOnce()
    {
        var rules = ProjectLifecycleTests.Rules;
        var project = ProjectStories.Building(rules, FirstPaid);
        var at = new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal("ChangeAlreadyPending", Assert.Throws<FundingRuleBrokenException>(() =>
            ChangeRequest.Ask(project, ChangeRequestKinds.Content, null, "a second line", "enterprise1", at, rules, anotherPending: true)).RuleName);

        var change = ChangeRequest.Ask(project, ChangeRequestKinds.Content, null, "  a second line  ", "enterprise1", at, rules, anotherPending: false);
        Assert.Equal(ChangeRequestStatus.Pending, change.Status);
        Assert.Null(change.ExtensionMonths);
        Assert.Equal("a second line", change.Reason);

        change.Decide(approved: false, "reviewer1", "not in the agreement's scope", at.AddDays(3));
        Assert.Equal("refused", ChangeRequestStatusText.Of(change.Status));
        var again = Assert.Throws<FundingRuleBrokenException>(() => change.Decide(approved: true, "reviewer2", "on second thought", at.AddDays(4)));
        Assert.Equal("ChangeAlreadyDecided", again.RuleName);
        Assert.Contains("refused by reviewer1", again.Rule.Message.English);
        Assert.Equal(ChangeRequestStatus.Refused, change.Status);
        Assert.Equal("reviewer1", change.DecidedBy);
    }

    [Fact]
    public void Acceptance_CutsTheSubsidyProRata_WhenTheEligibleInvestmentFellShort()
    {
        var rules = ProjectLifecycleTests.Rules;   // only equipment is eligible
        var project = ProjectStories.Building(rules, FirstPaid);
        var requestedAt = new DateTimeOffset(2028, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var actual = Invested(equipmentWan: 80, softwareWan: 30);
        var acceptance = Acceptance.Request(project, actual, Guid.NewGuid(), "built as agreed, one machine fewer", "enterprise1", requestedAt, rules);
        Assert.Equal(Money.FromWanYuan(80).Fen, acceptance.ActualEligibleFen);
        project.PutUpForAcceptance();
        Assert.Equal(ApplicationStatus.AcceptanceRequested, project.Status);

        acceptance.Review(Acceptance.Pass, "reviewer1", "site and equipment checked", requestedAt.AddDays(20));
        Assert.Throws<InvalidOperationException>(() => acceptance.Review(Acceptance.Fail, "reviewer2", "again", requestedAt.AddDays(21)));
        var settled = project.Accept(acceptance, rules);

        Assert.Equal(ApplicationStatus.Accepted, project.Status);
        Assert.Equal(Money.FromWanYuan(8).Fen, project.AcceptedAmountFen);   // 100,000 × 80/100
        Assert.Equal(Money.FromWanYuan(8), settled.Amount);
        Assert.Contains("×", acceptance.Calculation);
    }

    [Fact]
    public void Acceptance_IsRequestedWithinTheWindowAfterTheBuildPeriod()
    {
        var rules = ProjectLifecycleTests.Rules;
        var project = ProjectStories.Building(rules, FirstPaid);
        var late = Assert.Throws<FundingRuleBrokenException>(() => Acceptance.Request(project, Invested(100, 0), Guid.NewGuid(), "done",
            "enterprise1", new DateTimeOffset(2028, 4, 10, 16, 0, 0, TimeSpan.Zero), rules));   // 00:00 on 11 April in Shanghai
        Assert.Equal("AcceptanceOutsideWindow", late.RuleName);
    }

    [Fact]
    public void Recovery_NeedsSomethingPaid_AndEndsTheProject()
    {
        var approved = ProjectStories.Approved();
        var nothingPaid = Assert.Throws<FundingRuleBrokenException>(() => approved.Recover("false invoices", FirstPaid, 3));
        Assert.Equal("NothingPaidToRecover", nothingPaid.RuleName);
        Assert.Equal(ApplicationStatus.Approved, approved.Status);
        Assert.False(approved.AnythingPaid);

        var project = ProjectStories.Building(ProjectLifecycleTests.Rules, FirstPaid);
        Assert.True(project.AnythingPaid);
        project.Recover("false invoices", FirstPaid.AddMonths(4), 3);
        Assert.Equal(ApplicationStatus.Recovered, project.Status);
        Assert.Equal(FirstPaid.AddMonths(4), project.ClosedAt);
        Assert.Throws<FundingRuleBrokenException>(() => project.Recover("again", FirstPaid.AddMonths(5), 3));
    }

    [Fact]
    public void Project_RefusesMovesItsStatusDoesNotAllow()
    {
        var rules = ProjectLifecycleTests.Rules;
        var approved = ProjectStories.Approved();
        Assert.Throws<IllegalTransitionException>(approved.PutUpForAcceptance);
        Assert.Throws<IllegalTransitionException>(() => approved.Close(FirstPaid));
        Assert.Throws<IllegalTransitionException>(() => approved.Evaluate(new ProjectIndicators(0, Money.Zero, Money.Zero, 0), "reviewer1", FirstPaid, null));
        Assert.Throws<IllegalTransitionException>(() => approved.CheckExtension(3, FirstPaid, rules));
        Assert.Throws<IllegalTransitionException>(() =>
            ChangeRequest.Ask(approved, ChangeRequestKinds.Content, null, "why", "enterprise1", FirstPaid, rules, anotherPending: false));

        var building = ProjectStories.Building(rules, FirstPaid);
        var ex = Assert.Throws<IllegalTransitionException>(() => building.Close(FirstPaid));
        Assert.Contains("building cannot be closed", ex.Message);
        Assert.True(building.CanBeTerminated);
        building.Terminate(FirstPaid.AddDays(1));
        Assert.Equal(ApplicationStatus.Terminated, building.Status);
        Assert.False(building.CanBeTerminated);
        Assert.Throws<IllegalTransitionException>(() => building.Terminate(FirstPaid.AddDays(2)));
        Assert.Throws<FundingRuleBrokenException>(() => building.Recover("too late", FirstPaid.AddDays(2), 3));
    }

    [Fact]
    public void AcceptedProject_IsEvaluatedAgainstItsPlan_ThenClosed()
    {
        var rules = ProjectLifecycleTests.Rules;
        var project = ProjectStories.Building(rules, FirstPaid);
        var at = new DateTimeOffset(2028, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var acceptance = Acceptance.Request(project, Invested(100, 20), Guid.NewGuid(), "built as agreed", "enterprise1", at, rules);
        project.PutUpForAcceptance();
        acceptance.Review(Acceptance.Pass, "reviewer1", "as agreed", at.AddDays(10));
        project.Accept(acceptance, rules);
        Assert.Equal(project.ApprovedAmountFen, project.AcceptedAmountFen);

        var evaluation = project.Evaluate(new ProjectIndicators(0, Money.Zero, Money.Zero, 0), "reviewer1", at.AddDays(30), "  ");
        Assert.Equal(100m, evaluation.Score);   // the application promised no indicator
        Assert.Equal([new RuleMessage("工业固体废物综合利用量不能超过其产生量。", "No more solid waste can be put to use than was produced.")],
            (new ProjectIndicators(0, Money.Zero, Money.Zero, 0) { SolidWasteTonnes = 10, SolidWasteUtilisedTonnes = 11 }).Problems());
        Assert.Null(evaluation.Comment);
        Assert.Equal(project.Id, evaluation.ApplicationId);
        project.Close(at.AddDays(31));
        Assert.Equal(ApplicationStatus.Closed, project.Status);
        Assert.True(project.AnythingPaid);
    }

    [Fact]
    public void ProgressReport_FiledAfterItsDueDate_IsKept_MarkedLate()
    {
        var due = new DateTimeOffset(2026, 5, 10, 16, 0, 0, TimeSpan.Zero);
        var report = ProgressReport.File(Guid.NewGuid(), 1, due, due.AddHours(1), "enterprise1", Money.FromWanYuan(30), 25, " frames delivered ", "");
        Assert.True(report.Late);
        Assert.Equal("frames delivered", report.Summary);
        Assert.Null(report.Problems);
        Assert.False(ProgressReport.File(Guid.NewGuid(), 2, due, due, "enterprise1", Money.Zero, 0, "started", null).Late);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressReport.File(Guid.NewGuid(), 1, due, due, "enterprise1", Money.Zero, 101, "done", null));
    }

    private static InvestmentBreakdown Invested(long equipmentWan, long softwareWan) =>
        new(Money.FromWanYuan(equipmentWan), Money.FromWanYuan(softwareWan), Money.Zero, Money.Zero);
}
