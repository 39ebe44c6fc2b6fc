using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Reviews;

/// <summary>One expert's scores on the rubric.</summary>
public sealed record ScoreSheet(string Expert, IReadOnlyDictionary<string, decimal> Points)
{
    public decimal Total => Points.Values.Sum();

    /// <summary>What is wrong with the sheet against the rubric, as sentences the expert can act on.</summary>
    public IReadOnlyList<RuleMessage> Problems(IReadOnlyList<RubricCriterion> rubric)
    {
        var problems = new List<RuleMessage>();
        foreach (var criterion in rubric)
        {
            if (!Points.TryGetValue(criterion.Key, out var points))
                problems.Add(new RuleMessage($"请为“{criterion.Name}”打分。", $"Score '{criterion.Name}'."));
            else if (points < 0 || points > criterion.MaxPoints)
                problems.Add(new RuleMessage($"“{criterion.Name}”的分数应在0到{criterion.MaxPoints}之间。", $"'{criterion.Name}' is scored from 0 to {criterion.MaxPoints}."));
        }
        foreach (var key in Points.Keys.Where(k => rubric.All(c => c.Key != k)))
            problems.Add(new RuleMessage($"评分表中没有“{key}”。", $"The rubric has no criterion '{key}'."));
        return problems;
    }
}
