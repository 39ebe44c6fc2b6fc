using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Projects;

public sealed record OrderRecoveryRequest(string? Reason);

/// <summary>
/// The department orders the recovery (追回) of a project's funds — fraud, false claims, misuse — at any point
/// after the first payment. The process's project stage is interrupted (message <c>recovery.ordered</c>):
/// the project is marked recovered, the enterprise and the project leader are barred for the rule set's
/// SanctionYears, and the ledger opens the recovery of what was paid. A project already closed has no process
/// left to interrupt: the same two steps then run in a process of their own, <c>project-recovery</c>.
/// </summary>
public sealed class OrderRecovery(ProjectWorkflowDbContext db, DeliverMessage deliver, DefinitionCatalog catalog, WorkflowCommands commands)
{
    public const string Message = "recovery.ordered";
    public const string AfterClosureProcess = "project-recovery";

    private static readonly ApplicationStatus[] Paid = [ApplicationStatus.Building, ApplicationStatus.AcceptanceRequested, ApplicationStatus.Accepted];

    public async Task<ApplicationView> HandleAsync(Guid applicationId, OrderRecoveryRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await ApplicationAccess.FindAsync(db, applicationId, track: false, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
            throw InvalidRequestException.For("reason", "Give the grounds of the recovery (at most 1,000 characters): they are recorded with the sanction.", "请填写追回理由。");
        var status = application.Status;
        if (status is ApplicationStatus.Recovered or ApplicationStatus.Terminated)
            throw new ConflictException($"The project is {ApplicationStatusText.InWords(application.Status)}: there is nothing more to recover.", $"该项目{(application.Status == ApplicationStatus.Recovered ? "已追回" : "已终止")}，没有可再追回的资金。");
        Check.Rules(new NothingPaidToRecoverRule(Paid.Contains(status) || status == ApplicationStatus.Closed));

        var order = new JsonObject
        {
            ["applicationId"] = application.Id.ToString(),
            ["recoveryReason"] = request.Reason.Trim(),
            ["recoveryOrderedBy"] = actor.Id,
        };
        if (status == ApplicationStatus.Closed)
        {
            var definition = await catalog.FindLatestAsync(db, AfterClosureProcess, cancellationToken)
                ?? throw new InvalidOperationException($"The process '{AfterClosureProcess}' is not deployed.");
            await commands.RunAsync(actor, session => session.StartAsync(definition, Guid.NewGuid(), application.Number, order, cancellationToken: cancellationToken), cancellationToken);
        }
        else
        {
            order.Remove("applicationId");
            var delivered = await deliver.HandleAsync(new DeliverMessageRequest(Message, application.Number, order), actor, cancellationToken);
            if (delivered == 0) throw new ConflictException("The project's process is not at a stage that takes a recovery order.", "项目流程当前所处环节不能责令追回。");
        }
        var recovered = await db.Set<FundingApplication>().AsNoTracking().FirstAsync(a => a.Id == applicationId, cancellationToken);
        return await ApplicationViews.OfAsync(db, recovered, cancellationToken);
    }
}
