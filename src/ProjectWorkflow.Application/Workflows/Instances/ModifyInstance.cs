using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record ModifyInstanceRequest(IReadOnlyList<string>? Cancel, IReadOnlyList<string>? StartBefore, string? Reason);

/// <summary>
/// An administrator moves a stuck token (跳转, instance modification): cancels the tokens at some elements and starts
/// tokens before others, with a reason. Journaled (<c>modified</c>) and audited as <c>workflow.modify-instance</c>.
/// </summary>
public sealed class ModifyInstance(WorkflowCommands commands)
{
    public const int MaxElements = 50;
    public const int MaxElementIdLength = 255;
    public const int MaxReasonLength = 4000;

    public async Task HandleAsync(Guid instanceId, ModifyInstanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var cancel = Elements(request.Cancel, "cancel", errors);
        var startBefore = Elements(request.StartBefore, "startBefore", errors);
        if (errors.Count == 0 && cancel.Count == 0 && startBefore.Count == 0)
            errors.Add(FieldError.Of("cancel", "Name the elements whose tokens to cancel (cancel) and/or to start a token before (startBefore).", "请指定要取消令牌的环节（cancel）和/或要在其前启动令牌的环节（startBefore）。"));
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors.Add(FieldError.Of("reason", "Give a reason: it is kept in the journal and the audit log.", "请填写原因：记入流程日志和审计日志。"));
        else if (request.Reason.Length > MaxReasonLength)
            errors.Add(FieldError.Of("reason", $"The reason has at most {MaxReasonLength} characters.", $"原因最多 {MaxReasonLength} 个字符。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        await commands.RunAsync(actor, session => session.ModifyAsync(instanceId, cancel, startBefore, request.Reason!.Trim(), cancellationToken), cancellationToken);
    }

    private static List<string> Elements(IReadOnlyList<string>? ids, string field, List<FieldError> errors)
    {
        if (ids is null) return [];
        if (ids.Count > MaxElements) errors.Add(FieldError.Of(field, $"At most {MaxElements} elements.", $"最多 {MaxElements} 个环节。"));
        else if (ids.Any(id => string.IsNullOrWhiteSpace(id) || id.Length > MaxElementIdLength))
            errors.Add(FieldError.Of(field, $"Each element is named by its id (1 to {MaxElementIdLength} characters).", $"每个环节以其编号表示（1 至 {MaxElementIdLength} 个字符）。"));
        return ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToList();
    }
}
