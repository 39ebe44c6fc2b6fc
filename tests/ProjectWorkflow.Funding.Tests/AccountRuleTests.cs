using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>The rules an administrator's user changes answer to: one part per person, never oneself, never the last administrator.</summary>
public sealed class AccountRuleTests
{
    [Fact]
    public void ARoleSet_PlayingTwoParts_IsBroken_AndSaysWhichInBothLanguages()
    {
        var rule = new RoleSetConflictRule("zhang", [ProjectRole.Payer, ProjectRole.Expert]);

        Assert.True(rule.IsBroken());
        Assert.Contains("评审专家和拨付人", rule.Message.Chinese);
        Assert.Contains("expert and payer", rule.Message.English);
    }

    [Fact]
    public void ARoleSet_PlayingOnePart_HoweverManyRolesGiveIt_IsKept()
    {
        Assert.False(new RoleSetConflictRule("li", [ProjectRole.Approver, ProjectRole.Approver]).IsBroken());
        Assert.False(new RoleSetConflictRule("li", []).IsBroken());
    }

    [Fact]
    public void TheLastEnabledAdministrator_IsKept_AndNobodyDisablesThemselves()
    {
        Assert.True(new LastAdministratorRule("admin1", otherEnabledAdministrators: 0).IsBroken());
        Assert.False(new LastAdministratorRule("admin1", otherEnabledAdministrators: 1).IsBroken());
        Assert.True(new OwnAccountRule("Admin1", "admin1").IsBroken());
        Assert.False(new OwnAccountRule("admin1", "admin2").IsBroken());
    }

    [Fact]
    public void EveryProblemOfABrokenRuleSet_HasItsChineseSentence()
    {
        var broken = ProjectLifecycleTests.Rules with { InstallmentPercents = [50, 40], NoticeWorkingDays = 0, EligibleCostCategories = [] };

        var problems = broken.Problems();

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", p.Chinese));
        Assert.Contains(problems, p => p.Chinese == "公示期为1至60个工作日。" && p.English == "The public notice lasts 1 to 60 working days.");
    }
}
