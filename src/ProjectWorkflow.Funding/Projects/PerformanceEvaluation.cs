namespace ProjectWorkflow.Funding.Projects;

/// <summary>The indicators a project promised (in its application) or reached (at evaluation), so results roll up to the plan.</summary>
public sealed record ProjectIndicators(decimal EnergySavedTce, Money Output, Money ValueAdded, int Robots);

/// <summary>One indicator: planned, reached, and the share reached in percent (capped at 100 when summing up).</summary>
public sealed record IndicatorResult(string Indicator, decimal Planned, decimal Reached, decimal PercentReached);

/// <summary>An evaluation's result: each indicator, the score (mean share reached, each capped at 100%) and the grade.</summary>
public sealed record EvaluationResult(IReadOnlyList<IndicatorResult> Indicators, decimal Score, string Grade)
{
    public string GradeZh => Grade switch
    {
        "excellent" => "优秀",
        "good" => "良好",
        "pass" => "合格",
        _ => "不合格",
    };
}

/// <summary>
/// Performance evaluation (绩效评价) against the plan indicators of the application: the share of each
/// promised indicator the project reached. Indicators it did not promise (planned 0) are not scored.
/// Grades: ≥ 90 excellent, ≥ 75 good, ≥ 60 pass, else fail.
/// </summary>
public static class PerformanceEvaluation
{
    public static EvaluationResult Of(ProjectIndicators planned, ProjectIndicators reached)
    {
        var results = new List<IndicatorResult>();
        void Add(string name, decimal plan, decimal actual)
        {
            if (plan <= 0) return;
            results.Add(new IndicatorResult(name, plan, actual, decimal.Round(Math.Max(0, actual) * 100m / plan, 2, MidpointRounding.ToZero)));
        }
        Add("energySavedTce", planned.EnergySavedTce, reached.EnergySavedTce);
        Add("outputFen", planned.Output.Fen, reached.Output.Fen);
        Add("valueAddedFen", planned.ValueAdded.Fen, reached.ValueAdded.Fen);
        Add("robots", planned.Robots, reached.Robots);
        var score = results.Count == 0 ? 100m : decimal.Round(results.Average(r => Math.Min(100m, r.PercentReached)), 2, MidpointRounding.ToZero);
        var grade = score switch
        {
            >= 90 => "excellent",
            >= 75 => "good",
            >= 60 => "pass",
            _ => "fail",
        };
        return new EvaluationResult(results, score, grade);
    }
}
