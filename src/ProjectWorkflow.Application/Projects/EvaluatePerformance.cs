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

public sealed record EvaluatePerformanceRequest(decimal? EnergySavedTce, long? OutputFen, long? ValueAddedFen, int? Robots, string? Comment);

public sealed record EvaluationView(Guid Id, DateTimeOffset EvaluatedAt, string? EvaluatedBy, decimal Score, string Grade, string GradeZh,
    IReadOnlyList<IndicatorResult> Indicators, string? Comment);

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
        ProjectFile.RequireStatus(application, ApplicationStatus.Accepted, "The performance evaluation");
        var errors = new List<FieldError>();
        if (request.EnergySavedTce is null or < 0) errors.Add(FieldError.Of("energySavedTce", "Give the energy saved in tonnes of standard coal (0 or more).", "请填写实际节能量。"));
        if (request.OutputFen is null or < 0) errors.Add(FieldError.Of("outputFen", "Give the output reached, in fen (0 or more).", "请填写实际产值。"));
        if (request.ValueAddedFen is null or < 0) errors.Add(FieldError.Of("valueAddedFen", "Give the value added reached, in fen (0 or more).", "请填写实际增加值。"));
        if (request.Robots is null or < 0) errors.Add(FieldError.Of("robots", "Give the number of robots in use (0 or more).", "请填写机器人数量。"));
        if (request.Comment?.Length > 8000) errors.Add(new FieldError("comment", "The comment takes at most 8,000 characters."));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var task = await ProjectFile.OpenTaskAsync(db, application, "evaluation", "The process is not waiting for a performance evaluation.", cancellationToken);
        var reached = new ProjectIndicators(request.EnergySavedTce!.Value, new Money(request.OutputFen!.Value), new Money(request.ValueAddedFen!.Value), request.Robots!.Value);
        var evaluation = application.Evaluate(reached, actor.Id, time.GetUtcNow(), request.Comment);
        db.Add(evaluation);
        await commands.RunAsync(actor, s => s.CompleteAsync(task, new JsonObject
        {
            ["evaluationScore"] = evaluation.Score,
            ["evaluationGrade"] = evaluation.Grade,
        }, cancellationToken), cancellationToken);
        return View(evaluation);
    }

    public static EvaluationView View(Evaluation e)
    {
        var result = e.Result;
        return new EvaluationView(e.Id, e.EvaluatedAt, e.EvaluatedBy, e.Score, e.Grade, result.GradeZh, result.Indicators, e.Comment);
    }
}
