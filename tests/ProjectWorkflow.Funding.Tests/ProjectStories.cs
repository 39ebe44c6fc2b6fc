using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>Funded projects at the points of their life the project tests start from.</summary>
internal static class ProjectStories
{
    public const string Enterprise = "上海精密机械制造有限公司";
    public const string Account = "31050161393600000001";

    /// <summary>An approved project: 1,000,000 yuan of equipment (eligible), 100,000 yuan approved.</summary>
    public static FundingApplication Approved()
    {
        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var project = FundingApplication.Draft("TU-2026-0001", "tech-upgrade", 2026, Guid.NewGuid(), "91310000MA1FL4UJ5Y", "enterprise1", at);
        project.Revise(new DraftChanges
        {
            ProjectName = "数控机床智能化改造", ProjectLeaderIdentity = "310101198001010011",
            EquipmentFen = Money.FromWanYuan(100).Fen, SoftwareFen = Money.FromWanYuan(20).Fen,
        }, at);
        // Reviewed as the process would: submitted, examined, on notice, approved within the budget.
        project.Submit(ProjectLifecycleTests.Rules, [], [], [], Guid.NewGuid(), at);
        project.PutUnderReview();
        project.PublishNotice();
        project.Approve(Money.FromWanYuan(10), budgetLeft: Money.FromWanYuan(10));
        return project;
    }

    /// <summary>An approved project whose agreement is signed and whose first installment was paid at <paramref name="paidAt"/>.</summary>
    public static FundingApplication Building(RuleSet rules, DateTimeOffset paidAt)
    {
        var project = Approved();
        project.SignAgreement(Enterprise, Account, Enterprise, Account, paidAt.AddDays(-7));
        project.StartBuilding(rules, paidAt);
        return project;
    }
}
