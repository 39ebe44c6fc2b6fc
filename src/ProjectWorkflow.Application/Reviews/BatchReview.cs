using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Reviews;

public sealed record BatchReviewRequest(IReadOnlyList<Guid>? TaskIds, JsonObject? Variables);

/// <summary>
/// What became of one task of a batch: completed, or refused with the reasons (the form's fields, or a rule's sentence
/// in both languages, or the refusal's own words).
/// </summary>
public sealed record BatchReviewOutcome(Guid TaskId, string? BusinessKey, bool Completed, IReadOnlyList<FieldError> Errors, string? Message = null,
    string? MessageZh = null, string? MessageEn = null, string? Rule = null);

public sealed record BatchReviewResult(int Completed, int Refused, IReadOnlyList<BatchReviewOutcome> Outcomes);

/// <summary>
/// Batch review (批量审核): one outcome for several tasks, say a district's applications after the window has closed.
/// Each task is completed as if on its own — checked against its form, its caller's rights and its process's rules, in
/// its own transaction — so a refused one changes nothing of itself and stops none of the others; the answer lists each.
/// A district review waits in a batch until its scheme's window has closed (<see cref="BatchReviewBeforeWindowClosesRule"/>);
/// the same task completed on its own is not held back.
/// </summary>
public sealed class BatchReview(IServiceScopeFactory scopes, TimeProvider time)
{
    public const int MaxTasks = 100;

    /// <summary>The district's review step of the scheme processes, the one the window holds back from a batch.</summary>
    public const string DistrictReviewStep = "districtReview";

    public async Task<BatchReviewResult> HandleAsync(BatchReviewRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.TaskIds is not { Count: > 0 } ids)
            throw InvalidRequestException.For("taskIds", "Choose at least one task.", "请至少选择一项任务。");
        if (ids.Count > MaxTasks)
            throw InvalidRequestException.For("taskIds", $"At most {MaxTasks} tasks at a time.", $"一次最多处理{MaxTasks}项任务。");
        if (ids.Contains(Guid.Empty)) throw InvalidRequestException.For("taskIds", "A task id is not empty.", "任务编号不能为空。");

        var outcomes = new List<BatchReviewOutcome>();
        foreach (var id in ids.Distinct())
        {
            // A scope per task: a refused completion leaves nothing behind in the next one's unit of work.
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<ProjectWorkflowDbContext>();
            var task = await db.Set<TaskRecord>().AsNoTracking()
                .Where(t => t.Id == id).Select(t => new { t.BusinessKey, t.ElementId, t.InstanceId }).FirstOrDefaultAsync(cancellationToken);
            var businessKey = task?.BusinessKey;
            try
            {
                if (task?.ElementId == DistrictReviewStep)
                    await CheckWindowClosedAsync(db, services.GetRequiredService<RuleSets>(), task.InstanceId, cancellationToken);
                var variables = (JsonObject?)request.Variables?.DeepClone();
                await services.GetRequiredService<TaskOperations>().CompleteAsync(id, new CompleteTaskRequest(variables), actor, cancellationToken);
                outcomes.Add(new BatchReviewOutcome(id, businessKey, true, []));
            }
            catch (InvalidRequestException e)
            {
                outcomes.Add(new BatchReviewOutcome(id, businessKey, false, e.Errors));
            }
            catch (FundingRuleBrokenException e)
            {
                outcomes.Add(new BatchReviewOutcome(id, businessKey, false, [], e.Rule.Message.English, e.Rule.Message.Chinese, e.Rule.Message.English, e.RuleName));
            }
            catch (Exception e) when (e is RefusalException or WorkflowException or IllegalTransitionException)
            {
                // The refusal's Chinese, where the use case or the engine gave it, beside its English (as a rule's are).
                var chinese = RefusalChinese.Of(e);
                outcomes.Add(new BatchReviewOutcome(id, businessKey, false, [], e.Message, chinese, chinese is null ? null : e.Message));
            }
        }
        return new BatchReviewResult(outcomes.Count(o => o.Completed), outcomes.Count(o => !o.Completed), outcomes);
    }

    private async Task CheckWindowClosedAsync(ProjectWorkflowDbContext db, RuleSets ruleSets, Guid instanceId, CancellationToken cancellationToken)
    {
        var application = await db.Set<FundingApplication>().AsNoTracking().Where(a => a.InstanceId == instanceId)
            .Select(a => new { a.SchemeKey, a.Year }).FirstOrDefaultAsync(cancellationToken);
        if (application is null) return;
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        Check.Rules(new BatchReviewBeforeWindowClosesRule(rules.Window, time.GetUtcNow()));
    }
}
