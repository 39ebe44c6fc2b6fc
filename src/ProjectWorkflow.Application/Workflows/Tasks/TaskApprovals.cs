using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

public sealed record VoteRequest(string? Decision, JsonObject? Variables);
public sealed record RemoveSignerRequest(string? User, string? Reason);
public sealed record TakeBackRequest(string? Reason);
public sealed record DraftRequest(JsonObject? Variables);
public sealed record TaskDraftView(Guid TaskId, JsonObject Variables);

/// <summary>
/// The approval buttons beside <see cref="TaskOperations"/>: vote (票签), remove a signer (减签), take back (拿回) and save a
/// draft (暂存). Each is one engine command in one transaction, journaled by the engine and audited as
/// <c>workflow.task.&lt;operation&gt;</c> by <see cref="WorkflowCommands"/>.
/// <list type="bullet">
/// <item>vote, draft: the task's holder or candidates (and deputies) — who may complete it;</item>
/// <item>remove a signer: administrators only: each signer holds only their own instance, nobody owns the whole, and the
/// person whose completion started the vote may be the applicant, who must never choose their reviewers;</item>
/// <item>take back: the person whose completion sent the task here (the engine knows who); anyone else who never acted on
/// the file is refused before the task's state is told.</item>
/// </list>
/// </summary>
public sealed class TaskApprovals(
    TaskCommand command, TaskPermissions permissions, TaskForms forms, ProjectWorkflowDbContext db,
    IOptions<VariableLimits> limits)
{
    public const int MaxReasonLength = 4000;

    private static readonly Func<TaskRecord, Task> NothingMore = _ => Task.CompletedTask;

    /// <summary>票签: approve or reject, with the task's form checked as for a completion.</summary>
    public Task VoteAsync(Guid taskId, VoteRequest request, Actor actor, CancellationToken ct)
    {
        var approve = false;
        TaskForm? form = null; // the schema drawn with the task's version, if any, found before the command runs
        return command.RunAsync(taskId, actor, async task =>
            {
                await permissions.RequireMayClaimAsync(task, actor, ct);
                form = await forms.FormOfAsync(task, ct);
            },
            _ =>
            {
                approve = request.Decision?.Trim().ToLowerInvariant() switch
                {
                    "approve" => true,
                    "reject" => false,
                    _ => throw InvalidRequestException.For("decision", "The decision is 'approve' or 'reject'.", "表决结果应为 approve（同意）或 reject（反对）。"),
                };
                return Task.CompletedTask;
            },
            s => s.VoteAsync(taskId, approve, request.Variables, ct, (task, signature, variables) => forms.Check(task.FormRef, variables, signature, form?.Schema)), ct);
    }

    public Task RemoveSignerAsync(Guid taskId, RemoveSignerRequest request, Actor actor, CancellationToken ct)
    {
        var user = "";
        return command.RunAsync(taskId, actor,
            _ => actor.Groups.Contains(Roles.Admin) ? Task.CompletedTask
                : throw WorkflowException.Forbidden("Only an administrator removes a signer (减签) from a task with several signers.", "多人办理的任务只能由管理员减签。"),
            _ =>
            {
                user = RequireText(request.User, "user", TaskPermissions.MaxUserNameLength, "Name the signer to remove, by user name.", "请填写要减签的人员用户名。");
                RequireText(request.Reason, "reason", MaxReasonLength, "Say why the signer is removed: the journal keeps it.", "请填写减签理由：流程日志将予以记录。");
                return Task.CompletedTask;
            },
            s => s.RemoveSignerAsync(taskId, user, request.Reason!.Trim(), ct), ct);
    }

    public Task TakeBackAsync(Guid taskId, TakeBackRequest request, Actor actor, CancellationToken ct) =>
        command.RunAsync(taskId, actor,
            async task =>
            {
                if (!await db.Set<TaskRecord>().AsNoTracking().AnyAsync(t => t.InstanceId == task.InstanceId && t.CompletedBy == actor.Id, ct))
                    throw WorkflowException.Forbidden("Only the person who sent the task here can take it back (拿回).", "只有将任务交到此处的人才能拿回该任务。");
            },
            _ =>
            {
                RequireText(request.Reason, "reason", MaxReasonLength, "Say why you take the task back: the journal keeps it.", "请填写拿回任务的理由：流程日志将予以记录。");
                return Task.CompletedTask;
            },
            s => s.TakeBackAsync(taskId, request.Reason!.Trim(), ct), ct);

    /// <summary>暂存: the values are kept as they are (not checked against the form: a draft may be half filled), within the variables' limits.</summary>
    public Task SaveDraftAsync(Guid taskId, DraftRequest request, Actor actor, CancellationToken ct) =>
        command.RunAsync(taskId, actor, task => permissions.RequireMayClaimAsync(task, actor, ct),
            _ =>
            {
                if (request.Variables is not { } variables)
                    throw InvalidRequestException.For("variables", "Send the form's values to keep, as an object.", "请以对象形式提交要暂存的表单值。");
                if (variables.Count > limits.Value.MaxCount || Encoding.UTF8.GetByteCount(variables.ToJsonString()) > limits.Value.MaxJsonBytes)
                    throw InvalidRequestException.For("variables", $"A draft holds at most {limits.Value.MaxCount:N0} values and {limits.Value.MaxJsonBytes:N0} bytes of JSON.", $"暂存的草稿最多 {limits.Value.MaxCount:N0} 个值、{limits.Value.MaxJsonBytes:N0} 字节 JSON。");
                return Task.CompletedTask;
            },
            s => s.SaveDraftAsync(taskId, request.Variables!, ct), ct);

    /// <summary>The saved draft, to its holder and candidates only (administrators and auditors read the file, not a person's unfinished answer).</summary>
    public async Task<TaskDraftView> GetDraftAsync(Guid taskId, Actor actor, CancellationToken ct)
    {
        var task = await db.Set<TaskRecord>().AsNoTracking().Include(t => t.Candidates).FirstOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw WorkflowException.NotFound($"There is no task {taskId}.", $"任务 {taskId} 不存在。");
        await permissions.RequireMayClaimAsync(task, actor, ct);
        var state = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.State).FirstOrDefaultAsync(ct);
        var open = state is null ? null : JsonSerializer.Deserialize<ProcessInstance>(state, RuntimeJson.Options)?.FindTask(taskId);
        return new TaskDraftView(taskId, (JsonObject?)open?.Draft?.DeepClone() ?? []);
    }

    private static string RequireText(string? value, string field, int max, string missing, string missingZh)
    {
        if (string.IsNullOrWhiteSpace(value)) throw InvalidRequestException.For(field, missing, missingZh);
        if (value.Length > max || value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw InvalidRequestException.For(field, $"At most {max} characters, without control characters.", $"最多 {max} 个字符，且不能含控制字符。");
        return value.Trim();
    }
}
