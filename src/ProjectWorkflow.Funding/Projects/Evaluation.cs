using System.Text.Json;

namespace ProjectWorkflow.Funding.Projects;

/// <summary>
/// The stored performance evaluation (绩效评价) of an accepted project: the indicators it reached, and the score and
/// grade <see cref="PerformanceEvaluation"/> gives them against those its application promised.
/// </summary>
public sealed class Evaluation
{
    private Evaluation() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DateTimeOffset EvaluatedAt { get; private set; }
    public string EvaluatedBy { get; private set; } = "";
    public decimal EnergySavedTce { get; private set; }
    public long OutputFen { get; private set; }
    public long ValueAddedFen { get; private set; }
    public int Robots { get; private set; }
    public long RdSpendFen { get; private set; }
    public int InventionPatents { get; private set; }
    public long WaterSavedM3 { get; private set; }
    public decimal Co2ReducedTonnes { get; private set; }
    public decimal SolidWasteTonnes { get; private set; }
    public decimal SolidWasteUtilisedTonnes { get; private set; }
    public long LandM2 { get; private set; }
    public decimal Score { get; private set; }
    public string Grade { get; private set; } = "";

    /// <summary>Each indicator planned and reached, as JSON.</summary>
    public string Indicators { get; private set; } = "[]";
    public string? Comment { get; private set; }

    /// <summary>The result as scored: each indicator, the score and the grade.</summary>
    public EvaluationResult Result =>
        new(JsonSerializer.Deserialize<List<IndicatorResult>>(Indicators, JsonSerializerOptions.Web) ?? [], Score, Grade);

    /// <summary>Scores <paramref name="reached"/> against <paramref name="planned"/> (made by <see cref="Applications.FundingApplication.Evaluate"/>).</summary>
    internal static Evaluation Of(Guid applicationId, ProjectIndicators planned, ProjectIndicators reached, string by, DateTimeOffset at, string? comment)
    {
        if (reached.Problems() is [var problem, ..])
            throw new ArgumentOutOfRangeException(nameof(reached), reached, problem.English);
        var result = PerformanceEvaluation.Of(planned, reached);
        return new Evaluation
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            EvaluatedAt = at,
            EvaluatedBy = by,
            EnergySavedTce = reached.EnergySavedTce,
            OutputFen = reached.Output.Fen,
            ValueAddedFen = reached.ValueAdded.Fen,
            Robots = reached.Robots,
            RdSpendFen = reached.RdSpend.Fen,
            InventionPatents = reached.InventionPatents,
            WaterSavedM3 = reached.WaterSavedM3,
            Co2ReducedTonnes = reached.Co2ReducedTonnes,
            SolidWasteTonnes = reached.SolidWasteTonnes,
            SolidWasteUtilisedTonnes = reached.SolidWasteUtilisedTonnes,
            LandM2 = reached.LandM2,
            Score = result.Score,
            Grade = result.Grade,
            Indicators = JsonSerializer.Serialize(result.Indicators, JsonSerializerOptions.Web),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
    }
}
