using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Tasks;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>
/// Who may read an instance's raw record (variables, journal): it is the fund's internal file, naming reviewers
/// and experts and holding their comments and scores, so only the fund's staff read it. Administrators and
/// auditors read all of them; other staff only the ones they started or hold, held, or may claim a task in, or
/// were copied on (抄送: they follow the file). Applicants follow their application's timeline instead
/// (<c>GET /api/applications/{id}/timeline</c>); experts read the application file they are seated on; providers
/// their own orders.
/// </summary>
public sealed class InstanceAccess(ProjectWorkflowDbContext db)
{
    public static bool SeesEverything(Actor actor) => actor.Groups.Contains(Roles.Admin) || actor.Groups.Contains(Roles.Auditor);

    public async Task<InstanceRecord> RequireReadableAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken)
    {
        var record = await db.Set<InstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no process instance {instanceId}.", $"流程实例 {instanceId} 不存在。");
        if (SeesEverything(actor)) return record;
        if (!Roles.IsStaff(actor))
            throw WorkflowException.Forbidden("A process's variables and journal are the fund's internal record, read by its staff only. An applicant follows its application on GET /api/applications/{id}/timeline.", "流程的变量和日志属于专项资金内部记录，仅限工作人员查阅。申报企业请通过 GET /api/applications/{id}/timeline 查看申报进度。");
        if (record.StartedBy == actor.Id) return record;
        var me = actor.Id;
        var namesMe = TaskCandidates.Naming(actor);
        var involved = await db.Set<TaskRecord>().AsNoTracking().AnyAsync(t => t.InstanceId == instanceId &&
            (t.Assignee == me || t.Owner == me || t.CompletedBy == me || t.Candidates.AsQueryable().Any(namesMe)), cancellationToken);
        var copied = !involved && await db.Set<Notification>().AsNoTracking().AnyAsync(n => n.InstanceId == instanceId &&
            n.Kind == NotificationKinds.Copied && !n.RecipientIsGroup && n.Recipient == me, cancellationToken);
        return involved || copied ? record : throw WorkflowException.Forbidden("You have no part in this process instance.", "您未参与此流程实例，无权查看。");
    }
}
