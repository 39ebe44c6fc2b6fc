namespace ProjectWorkflow.Funding.Projects;

/// <summary>The indicators a project promised (in its application) or reached (at evaluation), so results roll up to the plan.</summary>
public sealed record ProjectIndicators(decimal EnergySavedTce, Money Output, Money ValueAdded, int Robots)
{
    /// <summary>R&amp;D spend (研发投入).</summary>
    public Money RdSpend { get; init; }

    /// <summary>Invention patents granted (发明专利).</summary>
    public int InventionPatents { get; init; }

    /// <summary>Water saved per year (节水量), cubic metres.</summary>
    public long WaterSavedM3 { get; init; }

    /// <summary>CO₂ emissions cut per year (二氧化碳减排量), tonnes.</summary>
    public decimal Co2ReducedTonnes { get; init; }

    /// <summary>Industrial solid waste produced per year, tonnes; with <see cref="SolidWasteUtilisedTonnes"/>, the share put to use.</summary>
    public decimal SolidWasteTonnes { get; init; }
    public decimal SolidWasteUtilisedTonnes { get; init; }

    /// <summary>Industrial land occupied, square metres (a footprint, not a goal: not scored).</summary>
    public long LandM2 { get; init; }

    /// <summary>What is wrong with the figures as reached figures (zh-CN and English): each is 0 or more, and no more waste is used than produced.</summary>
    public IReadOnlyList<Rules.RuleMessage> Problems()
    {
        var problems = new List<Rules.RuleMessage>();
        if (EnergySavedTce < 0 || Output.IsNegative || ValueAdded.IsNegative || Robots < 0 || RdSpend.IsNegative || InventionPatents < 0
            || WaterSavedM3 < 0 || Co2ReducedTonnes < 0 || SolidWasteTonnes < 0 || SolidWasteUtilisedTonnes < 0 || LandM2 < 0)
            problems.Add(new("实际达到的绩效指标须为 0 或以上。", "Indicators reached are 0 or more."));
        if (SolidWasteUtilisedTonnes > SolidWasteTonnes && SolidWasteTonnes > 0)
            problems.Add(new("工业固体废物综合利用量不能超过其产生量。", "No more solid waste can be put to use than was produced."));
        return problems;
    }
}

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
        Add("rdSpendFen", planned.RdSpend.Fen, reached.RdSpend.Fen);
        Add("inventionPatents", planned.InventionPatents, reached.InventionPatents);
        Add("waterSavedM3", planned.WaterSavedM3, reached.WaterSavedM3);
        Add("co2ReducedTonnes", planned.Co2ReducedTonnes, reached.Co2ReducedTonnes);
        Add("solidWasteUtilisedTonnes", planned.SolidWasteUtilisedTonnes, reached.SolidWasteUtilisedTonnes);
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
