using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Projects;

public sealed record RequestChangeRequest(string? Kind, int? ExtensionMonths, string? Reason);

public sealed record ChangeRequestView(Guid Id, string Kind, int? ExtensionMonths, string Reason, DateTimeOffset RequestedAt, string RequestedBy,
    string Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason);

/// <summary>
/// The enterprise asks, while building, for an extension of the build period or a change to the project. An
/// extension must pass the rule set's rules first — asked at least ExtensionLeadMonths before the build period
/// ends, at most MaxExtensions of at most MaxExtensionMonths — and only one request waits at a time. The
/// request reaches the process as the message <c>change.requested</c>, which opens the department's review.
/// </summary>
public sealed class RequestChange(ProjectWorkflowDbContext db, ApplicationAccess access, RuleSets ruleSets, DeliverMessage deliver, TimeProvider time)
{
    public const string Message = "change.requested";

    public async Task<ChangeRequestView> HandleAsync(Guid id, RequestChangeRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        ProjectFile.RequireStatus(application, ApplicationStatus.Building, "A change request", "提交变更申请");
        var errors = new List<FieldError>();
        if (request.Kind is not (ChangeRequestKinds.Extension or ChangeRequestKinds.Content))
            errors.Add(FieldError.Of("kind", "Say what you ask for: extension (of the build period) or content (a change to the project).", "请选择变更类型。"));
        if (request.Kind == ChangeRequestKinds.Extension && request.ExtensionMonths is null)
            errors.Add(FieldError.Of("extensionMonths", "Say by how many months the build period should be extended.", "请填写延期月数。"));
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 8000)
            errors.Add(FieldError.Of("reason", "Explain why the change is needed (at most 8,000 characters).", "请说明变更理由。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var now = time.GetUtcNow();
        var anotherPending = await db.Set<ChangeRequest>()
            .AnyAsync(c => c.ApplicationId == application.Id && c.Status == ChangeRequestStatus.Pending, cancellationToken);
        var change = ChangeRequest.Ask(application, request.Kind!, request.ExtensionMonths, request.Reason!, actor.Id, now, rules, anotherPending);
        db.Add(change);
        var delivered = await deliver.HandleAsync(new DeliverMessageRequest(Message, application.Number, new JsonObject
        {
            ["changeRequestId"] = change.Id.ToString(),
            ["changeKind"] = change.Kind,
            ["extensionMonths"] = change.ExtensionMonths,
        }), actor, cancellationToken);
        if (delivered == 0)
            throw new ConflictException("The project's process does not take change requests now (acceptance may already be requested).", "项目流程当前不接受变更申请（可能已申请验收）。");
        return View(change);
    }

    public static ChangeRequestView View(ChangeRequest c) =>
        new(c.Id, c.Kind, c.ExtensionMonths, c.Reason, c.RequestedAt, c.RequestedBy, ChangeRequestStatusText.Of(c.Status), c.DecidedAt, c.DecidedBy, c.DecisionReason);
}
