using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

public sealed record DeclarationRequest(bool? WorkedForOrAdvisedApplicant, bool? LegalDisputeWithApplicant, bool? DraftedTheCall, bool? ControlOrInvestmentTies, bool? CloseRelativeInvolved);

public sealed record ScoresRequest(Dictionary<string, decimal>? Points, string? Comment);

public sealed record PanelSeatView(string Expert, bool Declared, bool Recused, decimal? Total, DateTimeOffset? ScoredAt);

/// <summary>
/// An expert's part: declare conflicts of interest first (a conflict recuses them and the file stays
/// closed to them), then score the rubric. Either completes their review task in the same transaction.
/// </summary>
public sealed class PanelReview(ProjectWorkflowDbContext db, RuleSets ruleSets, WorkflowCommands commands, TimeProvider time)
{
    /// <summary>The expert's review task of the funding processes (one per seated expert).</summary>
    public const string ReviewElementId = "expertReview";

    public async Task<PanelSeatView> DeclareAsync(Guid applicationId, DeclarationRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (application, seat, taskId) = await SeatAsync(applicationId, actor, cancellationToken);
        if (seat.Declared) throw new ConflictException("You have already declared for this application.");
        if (request.WorkedForOrAdvisedApplicant is null || request.LegalDisputeWithApplicant is null || request.DraftedTheCall is null
            || request.ControlOrInvestmentTies is null || request.CloseRelativeInvolved is null)
            throw InvalidRequestException.For("declaration", "Answer every question of the declaration (true or false) before the file opens. 请逐项填写回避声明。");
        var declaration = new ConflictOfInterestDeclaration(actor.Id, request.WorkedForOrAdvisedApplicant.Value, request.LegalDisputeWithApplicant.Value,
            request.DraftedTheCall.Value, request.ControlOrInvestmentTies.Value, request.CloseRelativeInvolved.Value, time.GetUtcNow());
        if (!seat.Declare(declaration)) await db.SaveChangesAsync(cancellationToken);
        else
        {
            await commands.RunAsync(actor, s => s.CompleteAsync(taskId, new() { ["recused"] = true }, cancellationToken), cancellationToken);
        }
        return View(seat);
    }

    public async Task<PanelSeatView> ScoreAsync(Guid applicationId, ScoresRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (application, seat, taskId) = await SeatAsync(applicationId, actor, cancellationToken);
        if (!seat.Declared) throw new ConflictException("Declare your conflicts of interest first (POST …/panel/declaration); the file opens after that.");
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var sheet = new ScoreSheet(actor.Id, request.Points ?? []);
        var problems = sheet.Problems(rules.Panel.Rubric);
        if (problems.Count > 0) throw new InvalidRequestException(problems.Select(p => new Validation.FieldError("points", p)).ToList());

        seat.Score(sheet, rules.Panel.Rubric, request.Comment, time.GetUtcNow());
        await commands.RunAsync(actor, s => s.CompleteAsync(taskId, new() { ["scored"] = true }, cancellationToken), cancellationToken);
        return View(seat);
    }

    public async Task<IReadOnlyList<PanelSeatView>> ListAsync(Guid applicationId, CancellationToken cancellationToken) =>
        (await db.Set<PanelMember>().AsNoTracking().Where(p => p.ApplicationId == applicationId).OrderBy(p => p.Expert).ToListAsync(cancellationToken))
        .Select(View).ToList();

    private async Task<(FundingApplication Application, PanelMember Seat, Guid TaskId)> SeatAsync(Guid applicationId, Actor actor, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindAsync(db, applicationId, track: true, cancellationToken);
        var seat = await db.Set<PanelMember>().FirstOrDefaultAsync(p => p.ApplicationId == applicationId && p.Expert == actor.Id, cancellationToken)
            ?? throw new ForbiddenException("You are not on this application's expert panel.");
        var taskId = await db.Set<TaskRecord>()
            .Where(t => t.InstanceId == application.InstanceId && t.ElementId == ReviewElementId && t.Assignee == actor.Id && t.Status == TaskStatuses.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("Your review of this application is already done.");
        return (application, seat, taskId);
    }

    private static PanelSeatView View(PanelMember p) => new(p.Expert, p.DeclaredAt is not null, p.Recused, p.Total, p.ScoredAt);
}
