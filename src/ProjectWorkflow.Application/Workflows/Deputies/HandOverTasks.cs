using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Deputies;

public sealed record HandOverTasksRequest(string? ToUser, string? Reason);

public sealed record HandOverTasksResult(int Moved, int Instances);

/// <summary>
/// 离职转办: an administrator moves every open task of a leaving user (assigned, owned while delegated, or naming them as a
/// candidate or signer) to another user, in one command: all move or none. The new holder must be an active user who
/// could hold each task and plays no other part on its project (the RoleConflict rule, 422, naming the person and the
/// part); an expert's drawn review is never handed on (the expert recuses instead). Journaled <c>handedOver</c> on each
/// task, audited once as <c>user.tasks-handed-over</c> beside the command's <c>workflow.hand-over-tasks</c>.
/// </summary>
public sealed class HandOverTasks(ProjectWorkflowDbContext db, TaskPermissions permissions, WorkflowCommands commands, AuditTrail audit, TimeProvider time)
{
    public const int MaxReasonLength = 4000;

    public async Task<HandOverTasksResult> HandleAsync(string userName, HandOverTasksRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var to = Person.RequireName(request.ToUser, "toUser", "Name the user who takes over the tasks.", "请填写接手这些任务的用户名。");
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw InvalidRequestException.For("reason", "Give a reason: it is kept in the journal and the audit log.", "请填写原因：记入流程日志和审计日志。");
        if (request.Reason.Length > MaxReasonLength)
            throw InvalidRequestException.For("reason", $"The reason has at most {MaxReasonLength} characters.", $"原因最多 {MaxReasonLength} 个字符。");
        var leaving = await Person.FindAsync(db, userName, time.GetUtcNow(), cancellationToken)
            ?? throw new NotFoundException($"There is no user named '{userName}'.", $"用户“{userName}”不存在。");
        if (string.Equals(leaving.UserName, to, StringComparison.OrdinalIgnoreCase))
            throw InvalidRequestException.For("toUser", "The tasks would go to the same person.", "转办对象不能是同一人。");

        var me = leaving.UserName;
        var tasks = await db.Set<TaskRecord>().AsNoTracking().Include(t => t.Candidates)
            .Where(t => t.Status == TaskStatuses.Open && (t.Assignee == me || t.Owner == me || t.Candidates.Any(c => !c.IsGroup && c.Value == me)))
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0) return new HandOverTasksResult(0, 0);

        // Each task is checked as if it named the new holder where it names the leaving user: roles, project parts, experts.
        var leavingActor = new Actor(me, leaving.Roles);
        var holder = to;
        foreach (var task in tasks)
        {
            foreach (var candidate in task.Candidates.Where(c => !c.IsGroup && c.Value == me)) candidate.Value = to;
            holder = (await permissions.RequireCanHoldAsync(task, [to], "toUser", leavingActor, cancellationToken))[0];
        }

        var instances = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var moved = 0;
        await commands.RunAsync(actor, async session =>
        {
            foreach (var instanceId in instances)
                moved += await session.HandOverTasksAsync(instanceId, me, holder, request.Reason.Trim(), cancellationToken);
            audit.Record("user.tasks-handed-over", "user", me, request.Reason.Trim(), detail: $"{moved} tasks in {instances.Count} instances to {holder}");
        }, cancellationToken);
        return new HandOverTasksResult(moved, instances.Count);
    }
}
