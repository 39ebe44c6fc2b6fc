using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Projects;

/// <summary>
/// The indicators the project reached. The first four are required; the plan's further indicators (R&amp;D spend in fen,
/// invention patents, water saved m³ a year, CO₂ cut and solid waste produced / put to use in tonnes a year, land m²)
/// count as 0 when not given.
/// </summary>
public sealed record EvaluatePerformanceRequest(decimal? EnergySavedTce, long? OutputFen, long? ValueAddedFen, int? Robots, string? Comment,
    long? RdSpendFen = null, int? InventionPatents = null, long? WaterSavedM3 = null, decimal? Co2ReducedTonnes = null,
    decimal? SolidWasteTonnes = null, decimal? SolidWasteUtilisedTonnes = null, long? LandM2 = null);

/// <summary>The figures an evaluation recorded as delivered, beside the score.</summary>
public sealed record DeliveredView(decimal EnergySavedTce, long OutputFen, long ValueAddedFen, int Robots, long RdSpendFen, int InventionPatents,
    long WaterSavedM3, decimal Co2ReducedTonnes, decimal SolidWasteTonnes, decimal SolidWasteUtilisedTonnes, long LandM2);

public sealed record EvaluationView(Guid Id, DateTimeOffset EvaluatedAt, string? EvaluatedBy, decimal Score, string Grade, string GradeZh,
    IReadOnlyList<IndicatorResult> Indicators, string? Comment, DeliveredView? Delivered = null);

/// <summary>
/// The department evaluates the accepted project's performance (绩效评价): the indicators it reached against
/// those its application promised (energy saved, output, value added, robots). The score and grade are
/// stored and feed next year's budget; the project then closes.
/// </summary>
public sealed class EvaluatePerformance(ProjectWorkflowDbContext db, WorkflowCommands commands, TimeProvider time)
{
    public async Task<EvaluationView> HandleAsync(Guid applicationId, EvaluatePerformanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindAsync(db, applicationId, track: true, cancellationToken);
        ProjectFile.RequireStatus(application, ApplicationStatus.Accepted, "The performance evaluation", "进行绩效评价");
        var errors = new List<FieldError>();
        if (request.EnergySavedTce is null or < 0) errors.Add(FieldError.Of("energySavedTce", "Give the energy saved in tonnes of standard coal (0 or more).", "请填写实际节能量。"));
        if (request.OutputFen is null or < 0) errors.Add(FieldError.Of("outputFen", "Give the output reached, in fen (0 or more).", "请填写实际产值。"));
        if (request.ValueAddedFen is null or < 0) errors.Add(FieldError.Of("valueAddedFen", "Give the value added reached, in fen (0 or more).", "请填写实际增加值。"));
        if (request.Robots is null or < 0) errors.Add(FieldError.Of("robots", "Give the number of robots in use (0 or more).", "请填写机器人数量。"));
        IndicatorFigures.Fen(errors, "rdSpendFen", request.RdSpendFen, "实际研发投入");
        IndicatorFigures.Count(errors, "inventionPatents", request.InventionPatents, IndicatorFigures.MaxPatents, "实际发明专利数", "patents", "件");
        IndicatorFigures.Count(errors, "waterSavedM3", request.WaterSavedM3, IndicatorFigures.MaxWaterM3, "实际年节水量", "cubic metres a year", "立方米");
        IndicatorFigures.Tonnes(errors, "co2ReducedTonnes", request.Co2ReducedTonnes, "实际二氧化碳年减排量");
        IndicatorFigures.Tonnes(errors, "solidWasteTonnes", request.SolidWasteTonnes, "实际工业固体废物年产生量");
        IndicatorFigures.Tonnes(errors, "solidWasteUtilisedTonnes", request.SolidWasteUtilisedTonnes, "实际工业固体废物年综合利用量");
        IndicatorFigures.Count(errors, "landM2", request.LandM2, IndicatorFigures.MaxLandM2, "实际用地面积", "square metres", "平方米");
        IndicatorFigures.Waste(errors, request.SolidWasteTonnes ?? 0, request.SolidWasteUtilisedTonnes ?? 0);
        if (request.Comment?.Length > 8000) errors.Add(FieldError.Of("comment", "The comment takes at most 8,000 characters.", "评价意见最多 8000 个字符。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var task = await ProjectFile.OpenTaskAsync(db, application, "evaluation", "The process is not waiting for a performance evaluation.", "流程当前不在绩效评价环节。", cancellationToken);
        var reached = new ProjectIndicators(request.EnergySavedTce!.Value, new Money(request.OutputFen!.Value), new Money(request.ValueAddedFen!.Value), request.Robots!.Value)
        {
            RdSpend = new Money(request.RdSpendFen ?? 0),
            InventionPatents = request.InventionPatents ?? 0,
            WaterSavedM3 = request.WaterSavedM3 ?? 0,
            Co2ReducedTonnes = request.Co2ReducedTonnes ?? 0,
            SolidWasteTonnes = request.SolidWasteTonnes ?? 0,
            SolidWasteUtilisedTonnes = request.SolidWasteUtilisedTonnes ?? 0,
            LandM2 = request.LandM2 ?? 0,
        };
        var evaluation = application.Evaluate(reached, actor.Id, time.GetUtcNow(), request.Comment);
        db.Add(evaluation);
        // The figures as the task's form (workflows/forms/evaluation.form) takes them, with the score they gave.
        await commands.RunAsync(actor, s => s.CompleteAsync(task, new JsonObject
        {
            ["energySavedTce"] = evaluation.EnergySavedTce,
            ["outputFen"] = evaluation.OutputFen,
            ["valueAddedFen"] = evaluation.ValueAddedFen,
            ["robots"] = evaluation.Robots,
            ["rdSpendFen"] = evaluation.RdSpendFen,
            ["inventionPatents"] = evaluation.InventionPatents,
            ["waterSavedM3"] = evaluation.WaterSavedM3,
            ["co2ReducedTonnes"] = evaluation.Co2ReducedTonnes,
            ["solidWasteTonnes"] = evaluation.SolidWasteTonnes,
            ["solidWasteUtilisedTonnes"] = evaluation.SolidWasteUtilisedTonnes,
            ["landM2"] = evaluation.LandM2,
            ["evaluationScore"] = evaluation.Score,
            ["evaluationGrade"] = evaluation.Grade,
        }, cancellationToken), cancellationToken);
        return View(evaluation);
    }

    public static EvaluationView View(Evaluation e)
    {
        var result = e.Result;
        return new EvaluationView(e.Id, e.EvaluatedAt, e.EvaluatedBy, e.Score, e.Grade, result.GradeZh, result.Indicators, e.Comment,
            new DeliveredView(e.EnergySavedTce, e.OutputFen, e.ValueAddedFen, e.Robots, e.RdSpendFen, e.InventionPatents, e.WaterSavedM3,
                e.Co2ReducedTonnes, e.SolidWasteTonnes, e.SolidWasteUtilisedTonnes, e.LandM2));
    }
}
