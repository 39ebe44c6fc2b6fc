namespace ProjectWorkflow.Funding.Schemes;

/// <summary>One line of the scoring rubric: what experts score and the most it can get.</summary>
public sealed record RubricCriterion(string Key, string Name, decimal MaxPoints);

/// <summary>The expert panel: how many, how many must score, the rubric and the pass mark.</summary>
public sealed record PanelRule(int Size, int Quorum, IReadOnlyList<RubricCriterion> Rubric, decimal PassScore, bool DropHighestAndLowest)
{
    public decimal MaxTotal => Rubric.Sum(c => c.MaxPoints);
}
