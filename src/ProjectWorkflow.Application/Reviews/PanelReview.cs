using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Schemes;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

public sealed record DeclarationRequest(bool? WorkedForOrAdvisedApplicant, bool? LegalDisputeWithApplicant, bool? DraftedTheCall, bool? ControlOrInvestmentTies, bool? CloseRelativeInvolved);

public sealed record ScoresRequest(Dictionary<string, decimal>? Points, string? Comment);

public sealed record PanelSeatView(string Expert, string? Field, string? Replaces, bool Declared, bool Recused, decimal? Total, DateTimeOffset? ScoredAt);

/// <summary>
/// An expert's own seat as their page shows it: what they declared and scored, the rubric with each criterion's maximum,
/// and the panel's progress in counts only — never another expert's name or scores.
/// </summary>
public sealed record MyPanelSeatView(
    Guid ApplicationId, bool Declared, bool Recused, bool Scored, IReadOnlyDictionary<string, decimal> Points, decimal? Total, string? Comment,
    IReadOnlyList<RubricCriterion> Rubric, int Seats, int DeclaredSeats, int ScoredSeats, int Quorum, bool PanelSits);

/// <summary>
/// An expert's part: declare conflicts of interest first (a conflict recuses them and the file stays
/// closed to them), then score the rubric. A recusal draws a replacement for the same field's seat at once (as
/// the panel was drawn, excluding everyone seated or recused on the file) and hands the review task to them; when
/// the pool has nobody left, the recused expert's task completes and the panel goes on without the seat (its
/// result then asks the department when the quorum is out of reach). Scoring completes the task; while the panel still
/// sits (another expert's review is open) the expert may correct their scores, which replaces the sheet.
/// </summary>
public sealed class PanelReview(ProjectWorkflowDbContext db, RuleSets ruleSets, WorkflowCommands commands, ExpertPool pool, ApplicationAccess access, AuditTrail audit, TimeProvider time)
{
    /// <summary>The expert's review task of the funding processes (one per seated expert).</summary>
    public const string ReviewElementId = "expertReview";

    public async Task<PanelSeatView> DeclareAsync(Guid applicationId, DeclarationRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (application, seat, taskId) = await SeatAsync(applicationId, actor, cancellationToken);
        if (seat.Declared) throw new ConflictException("You have already declared for this application.", "您已就本项目作出利益冲突声明，无需重复声明。");
        if (request.WorkedForOrAdvisedApplicant is null || request.LegalDisputeWithApplicant is null || request.DraftedTheCall is null
            || request.ControlOrInvestmentTies is null || request.CloseRelativeInvolved is null)
            throw InvalidRequestException.For("declaration", "Answer every question of the declaration (true or false) before the file opens.", "请逐项填写回避声明。");
        var declaration = new ConflictOfInterestDeclaration(actor.Id, request.WorkedForOrAdvisedApplicant.Value, request.LegalDisputeWithApplicant.Value,
            request.DraftedTheCall.Value, request.ControlOrInvestmentTies.Value, request.CloseRelativeInvolved.Value, time.GetUtcNow());
        if (!seat.Declare(declaration))
        {
            await db.SaveChangesAsync(cancellationToken);
            return View(seat);
        }

        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        await ReplaceAsync(application, seat, taskId, actor, rules.Panel, cancellationToken);
        return View(seat);
    }

    /// <summary>
    /// A relation recorded after the draw (<see cref="RelateExpert"/>) that ties <paramref name="expert"/> to a file whose
    /// panel they sit on and have not scored yet recuses them there, and a replacement is drawn as for a declared conflict
    /// (or, with nobody left, the panel goes on without the seat and raises its shortage as it does then). The expert's
    /// task moves on their behalf; the audit log names who recorded the relation. Returns the files' numbers.
    /// </summary>
    public async Task<IReadOnlyList<string>> RecuseRelatedAsync(string expert, ExpertRelation relation, CancellationToken cancellationToken)
    {
        var seats = await db.Set<PanelMember>().Where(p => p.Expert == expert && !p.Recused && p.ScoredAt == null).ToListAsync(cancellationToken);
        var recused = new List<string>();
        foreach (var seat in seats)
        {
            var application = await ApplicationAccess.FindAsync(db, seat.ApplicationId, track: true, cancellationToken);
            var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
            var file = new PanelFile(application.Uscc, application.SchemeKey, application.Year, ShanghaiDate.Of(time.GetUtcNow()), rules.Panel.ConflictLookbackYears);
            if (!relation.Conflicts(file)) continue;
            var taskId = await db.Set<TaskRecord>()
                .Where(t => t.InstanceId == application.InstanceId && t.ElementId == ReviewElementId && t.Assignee == expert && t.Status == TaskStatuses.Open)
                .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (taskId is null) continue;
            seat.Recuse($"{RelationRecorded} ({relation.Kind})");
            audit.Record("panel.recused", "application", application.Id.ToString("D"),
                reason: $"{RelationRecorded} ({relation.Kind})", detail: $"{application.Number}: {expert} recused after the draw");
            await ReplaceAsync(application, seat, taskId.Value, Actor.User(expert, Roles.Expert), rules.Panel, cancellationToken);
            recused.Add(application.Number);
        }
        return recused;
    }

    /// <summary>
    /// Why a seat is given up when a relation is recorded after the draw: kept with the seat and in the audit log as part
    /// of the record, written once in the city's language (never two languages pasted into one string).
    /// </summary>
    public const string RelationRecorded = "关联关系已登记";

    /// <summary>The recused seat's replacement: drawn for the same field and handed the task, or the task completes as recused.</summary>
    private async Task ReplaceAsync(FundingApplication application, PanelMember seat, Guid taskId, Actor actor, PanelRule rule, CancellationToken cancellationToken)
    {
        var applicationId = application.Id;
        var seats = await db.Set<PanelMember>().Where(p => p.ApplicationId == applicationId).ToListAsync(cancellationToken);
        var field = seat.Field ?? ExpertFields.Any;
        var replacement = (await pool.DrawAsync(application, rule, new Dictionary<string, int> { [field] = 1 }, seats, cancellationToken)).FirstOrDefault();
        if (replacement is null)
        {
            audit.Record("panel.replacement-unavailable", "application", applicationId.ToString("D"), outcome: AuditOutcomes.Refused,
                reason: $"no eligible {field} expert left in the pool", detail: $"{application.Number}: {seat.Expert} recused; the panel goes on without the seat");
            await commands.RunAsync(actor, s => s.CompleteAsync(taskId, new() { ["recused"] = true }, cancellationToken), cancellationToken);
            return;
        }
        db.Add(PanelMember.Seat(applicationId, replacement.Expert, replacement.Field, replaces: seat.Expert));
        audit.Record("panel.replacement-drawn", "application", applicationId.ToString("D"),
            detail: $"{application.Number}: {seat.Expert} recused; {replacement.Expert} drawn for the {field} seat");
        await commands.RunAsync(actor, s => s.TransferAsync(taskId, replacement.Expert, "回避，递补专家", cancellationToken), cancellationToken);
    }

    public async Task<PanelSeatView> ScoreAsync(Guid applicationId, ScoresRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (application, seat) = await MySeatAsync(applicationId, actor, cancellationToken);
        if (!seat.Declared) throw new ConflictException("Declare your conflicts of interest first (POST …/panel/declaration); the file opens after that.", "请先作出利益冲突声明（POST …/panel/declaration），声明后开放申报材料。");
        if (seat.Recused) throw new ConflictException("You have recused yourself from this application's panel.", "您已回避本项目的专家评审。");
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var sheet = new ScoreSheet(actor.Id, request.Points ?? []);
        var problems = sheet.Problems(rules.Panel.Rubric);
        if (problems.Count > 0) throw new InvalidRequestException(problems.Select(p => Validation.FieldError.Of("points", p.English, p.Chinese)).ToList());

        if (seat.ScoredAt is not null)
        {
            // A correction: only while the panel sits, so the result is worked out on the corrected sheet.
            if (!await access.PanelSitsAsync(application, cancellationToken))
                throw new ConflictException("The panel has closed: its scores can no longer be corrected.", "评审组已结束，评分不可再更正。");
            var before = seat.Total;
            seat.CorrectScores(sheet, rules.Panel.Rubric, request.Comment, time.GetUtcNow());
            audit.Record("panel.scores-corrected", "application", applicationId.ToString("D"),
                detail: $"{application.Number}: {actor.Id} corrected their scores (total {before} → {seat.Total})");
            await db.SaveChangesAsync(cancellationToken);
            return View(seat);
        }
        var taskId = await OpenReviewAsync(application, actor, cancellationToken);
        seat.Score(sheet, rules.Panel.Rubric, request.Comment, time.GetUtcNow());
        await commands.RunAsync(actor, s => s.CompleteAsync(taskId, new() { ["scored"] = true }, cancellationToken), cancellationToken);
        return View(seat);
    }

    /// <summary>The expert's own seat, for their page: declared, scored (their own points), the rubric, and the panel in counts.</summary>
    public async Task<MyPanelSeatView> SeatOfAsync(Guid applicationId, Actor actor, CancellationToken cancellationToken)
    {
        var (application, seat) = await MySeatAsync(applicationId, actor, cancellationToken);
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var seats = await db.Set<PanelMember>().AsNoTracking().Where(p => p.ApplicationId == applicationId && !p.Recused).ToListAsync(cancellationToken);
        var points = seat.Points is null ? new Dictionary<string, decimal>() : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, decimal>>(seat.Points)!;
        return new MyPanelSeatView(applicationId, seat.Declared, seat.Recused, seat.ScoredAt is not null, points, seat.Total, seat.Comment,
            rules.Panel.Rubric, seats.Count, seats.Count(p => p.Declared), seats.Count(p => p.ScoredAt is not null), rules.Panel.Quorum,
            await access.PanelSitsAsync(application, cancellationToken));
    }

    public async Task<IReadOnlyList<PanelSeatView>> ListAsync(Guid applicationId, CancellationToken cancellationToken) =>
        (await db.Set<PanelMember>().AsNoTracking().Where(p => p.ApplicationId == applicationId).OrderBy(p => p.Expert).ToListAsync(cancellationToken))
        .Select(View).ToList();

    private async Task<(FundingApplication Application, PanelMember Seat, Guid TaskId)> SeatAsync(Guid applicationId, Actor actor, CancellationToken cancellationToken)
    {
        var (application, seat) = await MySeatAsync(applicationId, actor, cancellationToken);
        return (application, seat, await OpenReviewAsync(application, actor, cancellationToken));
    }

    private async Task<(FundingApplication Application, PanelMember Seat)> MySeatAsync(Guid applicationId, Actor actor, CancellationToken cancellationToken)
    {
        // The seat first: an expert off the panel learns nothing, not even whether the application exists.
        var seat = await db.Set<PanelMember>().FirstOrDefaultAsync(p => p.ApplicationId == applicationId && p.Expert == actor.Id, cancellationToken)
            ?? throw new ForbiddenException("You are not on this application's expert panel.", "您不是本项目的评审专家。");
        var application = await ApplicationAccess.FindAsync(db, applicationId, track: true, cancellationToken);
        return (application, seat);
    }

    private async Task<Guid> OpenReviewAsync(FundingApplication application, Actor actor, CancellationToken cancellationToken) =>
        await db.Set<TaskRecord>()
            .Where(t => t.InstanceId == application.InstanceId && t.ElementId == ReviewElementId && t.Assignee == actor.Id && t.Status == TaskStatuses.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("Your review of this application is already done.", "您已完成本项目的评审。");

    private static PanelSeatView View(PanelMember p) => new(p.Expert, p.Field, p.Replaces, p.DeclaredAt is not null, p.Recused, p.Total, p.ScoredAt);
}
