using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Reviews;

/// <summary>The panel's verdict: the trimmed mean of the experts' totals against the pass score.</summary>
public sealed record PanelResult(decimal Score, bool Passed, int Scored, IReadOnlyList<decimal> Counted)
{
    /// <summary>
    /// Mean of the totals after dropping the highest and the lowest (when the rule says so and at least
    /// three scored), rounded to two decimals, half away from zero.
    /// </summary>
    public static PanelResult Of(PanelRule rule, IReadOnlyList<ScoreSheet> sheets)
    {
        if (sheets.Count < rule.Quorum)
            throw new InvalidOperationException($"Only {sheets.Count} of the quorum of {rule.Quorum} experts have scored.");
        var totals = sheets.Select(s => s.Total).Order().ToList();
        var counted = rule.DropHighestAndLowest && totals.Count >= 3 ? totals.Skip(1).Take(totals.Count - 2).ToList() : totals;
        var score = Math.Round(counted.Average(), 2, MidpointRounding.AwayFromZero);
        return new PanelResult(score, score >= rule.PassScore, sheets.Count, counted);
    }
}
