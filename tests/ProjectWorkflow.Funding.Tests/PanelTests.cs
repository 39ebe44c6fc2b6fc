using ProjectWorkflow.Funding.Reviews;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Tests;

public class PanelTests
{
    private static readonly PanelRule Rule = new(5, 3,
        [new RubricCriterion("technology", "Technology", 40), new RubricCriterion("economics", "Economics", 30), new RubricCriterion("management", "Management", 30)],
        PassScore: 70, DropHighestAndLowest: true);

    private static ScoreSheet Sheet(string expert, decimal total) =>
        new(expert, new Dictionary<string, decimal> { ["technology"] = total * 0.4m, ["economics"] = total * 0.3m, ["management"] = total * 0.3m });

    [Fact]
    public void TrimmedMean_DropsHighestAndLowest()
    {
        var result = PanelResult.Of(Rule, [Sheet("e1", 80), Sheet("e2", 90), Sheet("e3", 70), Sheet("e4", 85), Sheet("e5", 60)]);
        Assert.Equal(78.33m, result.Score);
        Assert.True(result.Passed);
        Assert.Equal([70m, 80m, 85m], result.Counted);
    }

    [Fact]
    public void BelowQuorum_NoVerdict_AndBelowPassScore_Fails()
    {
        Assert.Throws<InvalidOperationException>(() => PanelResult.Of(Rule, [Sheet("e1", 80), Sheet("e2", 90)]));
        Assert.False(PanelResult.Of(Rule, [Sheet("e1", 60), Sheet("e2", 65), Sheet("e3", 90)]).Passed);
    }

    [Fact]
    public void ScoreSheet_OverTheMaximumOrMissingACriterion_IsRefused()
    {
        var sheet = new ScoreSheet("e1", new Dictionary<string, decimal> { ["technology"] = 45, ["economics"] = 20, ["bonus"] = 3 });
        var problems = sheet.Problems(Rule.Rubric);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.English.Contains("Technology") && p.English.Contains("40"));
        Assert.Contains(problems, p => p.English.Contains("Management") && p.Chinese.Contains("Management"));
        Assert.Contains(problems, p => p.English.Contains("bonus"));
    }
}
