using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

public sealed record CompleteTaskRequest(JsonObject? Variables);
public sealed record HandOverRequest(string? User, string? Reason);
public sealed record AddSignersRequest(IReadOnlyList<string>? Users, string? Position);
public sealed record SendBackRequest(string? TargetElementId, string? Reason);
public sealed record RemindRequest(string? Message);
public sealed record CopyToRequest(IReadOnlyList<string>? Users);

/// <summary>
/// The buttons on a task: claim, release, complete, delegate (委派), hand back, transfer (转办),
/// add signers (加签), send back (退回), remind (催办), copy to (抄送). Each is one engine command in one transaction,
/// after <see cref="TaskPermissions"/> has checked who presses the button and who the task goes to.
/// </summary>
public sealed class TaskOperations(TaskCommand command, TaskPermissions permissions, TaskForms forms)
{
    private static readonly Func<TaskRecord, Task> NothingMore = _ => Task.CompletedTask;

    public Task ClaimAsync(Guid taskId, Actor actor, CancellationToken ct) =>
        command.RunAsync(taskId, actor, task => permissions.RequireMayClaimAsync(task, actor, ct), NothingMore,
            s => s.ClaimAsync(taskId, ct), ct);

    public Task UnclaimAsync(Guid taskId, Actor actor, CancellationToken ct) =>
        command.RunAsync(taskId, actor, task => Holder(task, actor, "release it", "将此任务退回任务池"), NothingMore,
            s => s.UnclaimAsync(taskId, ct), ct);

    /// <summary>Complete: the variables must satisfy the task's form (every missing or wrong field named, nothing changes).</summary>
    public Task CompleteAsync(Guid taskId, CompleteTaskRequest request, Actor actor, CancellationToken ct)
    {
        TaskForm? form = null; // the schema drawn with the task's version, if any, found before the command runs
        return command.RunAsync(taskId, actor, async task =>
            {
                await permissions.RequireMayClaimAsync(task, actor, ct);
                form = await forms.FormOfAsync(task, ct);
            }, NothingMore,
            s => s.CompleteAsync(taskId, request.Variables, ct, (task, signature, variables) => forms.Check(task.FormRef, variables, signature, form?.Schema)), ct);
    }

    public Task DelegateAsync(Guid taskId, HandOverRequest request, Actor actor, CancellationToken ct)
    {
        var user = "";
        return command.RunAsync(taskId, actor, task => Holder(task, actor, "delegate it", "委派此任务"),
            async task => user = (await permissions.RequireCanHoldAsync(task, [RequireUser(request.User)], "user", actor, ct))[0],
            s => s.DelegateAsync(taskId, user, request.Reason, ct), ct);
    }

    public Task ResolveAsync(Guid taskId, CompleteTaskRequest request, Actor actor, CancellationToken ct) =>
        command.RunAsync(taskId, actor, task => Holder(task, actor, "hand it back", "将此任务交还委派人"), NothingMore,
            s => s.ResolveAsync(taskId, request.Variables, ct), ct);

    public Task TransferAsync(Guid taskId, HandOverRequest request, Actor actor, CancellationToken ct)
    {
        var user = "";
        return command.RunAsync(taskId, actor, task => Holder(task, actor, "transfer it", "转办此任务"),
            async task => user = (await permissions.RequireCanHoldAsync(task, [RequireUser(request.User)], "user", actor, ct))[0],
            s => s.TransferAsync(taskId, user, request.Reason, ct), ct);
    }

    public Task AddSignersAsync(Guid taskId, AddSignersRequest request, Actor actor, CancellationToken ct)
    {
        IReadOnlyList<string> signers = [];
        var position = SignerPosition.After;
        return command.RunAsync(taskId, actor, task => Holder(task, actor, "add signers to it", "为此任务加签"),
            async task =>
            {
                if (request.Users is not { Count: > 0 } users || users.Any(string.IsNullOrWhiteSpace))
                    throw InvalidRequestException.For("users", "Name at least one signer, by user name.", "请至少填写一名加签人的用户名。");
                position = request.Position?.Trim().ToLowerInvariant() switch
                {
                    "before" => SignerPosition.Before,
                    "after" => SignerPosition.After,
                    _ => throw InvalidRequestException.For("position", "The position is 'before' (they sign first) or 'after' (they sign after you).", "加签位置应为 before（在您之前办理）或 after（在您之后办理）。"),
                };
                signers = await permissions.RequireCanHoldAsync(task, users, "users", actor, ct);
            },
            s => s.AddSignersAsync(taskId, signers, position, ct), ct);
    }

    public Task SendBackAsync(Guid taskId, SendBackRequest request, Actor actor, CancellationToken ct) =>
        command.RunAsync(taskId, actor, task => Holder(task, actor, "send it back", "退回此任务"),
            _ =>
            {
                if (string.IsNullOrWhiteSpace(request.TargetElementId))
                    throw InvalidRequestException.For("targetElementId", "Name the earlier task (its element id) to send the file back to.", "请填写要退回到的前序环节（环节编号）。");
                if (string.IsNullOrWhiteSpace(request.Reason))
                    throw InvalidRequestException.For("reason", "Say why: the person receiving the file reads this.", "请填写退回原因：接收人将看到此内容。");
                return Task.CompletedTask;
            },
            s => s.SendBackAsync(taskId, request.TargetElementId!, request.Reason!, ct), ct);

    public Task RemindAsync(Guid taskId, RemindRequest request, Actor actor, CancellationToken ct) =>
        command.RunAsync(taskId, actor, task => permissions.RequireMayRemindAsync(task, actor, ct), NothingMore,
            s => s.RemindAsync(taskId, request.Message, ct), ct);

    public Task CopyToAsync(Guid taskId, CopyToRequest request, Actor actor, CancellationToken ct)
    {
        IReadOnlyList<string> followers = [];
        return command.RunAsync(taskId, actor, task => Holder(task, actor, "copy it to others", "抄送此任务"),
            async task =>
            {
                if (request.Users is not { Count: > 0 } users || users.Any(string.IsNullOrWhiteSpace))
                    throw InvalidRequestException.For("users", "Name at least one person to copy, by user name.", "请至少填写一名抄送对象的用户名。");
                followers = await permissions.RequireMayFollowAsync(task, users, ct);
            },
            s => s.CopyToAsync(taskId, followers, ct), ct);
    }

    private static Task Holder(TaskRecord task, Actor actor, string what, string whatZh)
    {
        TaskPermissions.RequireHolder(task, actor, what, whatZh);
        return Task.CompletedTask;
    }

    private static string RequireUser(string? user) =>
        string.IsNullOrWhiteSpace(user) ? throw InvalidRequestException.For("user", "Name the user to hand the task to.", "请填写接办人的用户名。") : user.Trim();
}
