using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Incidents;

public sealed record RetryIncidentRequest(JsonObject? Variables);

/// <summary>
/// An administrator runs the failed step again once its cause is fixed (a rule set added, a service back), optionally
/// setting corrected variables first. Journaled (retried) and audited as <c>workflow.retry-incident</c>; if the step fails
/// again, a new incident is opened and the answer still says what happened.
/// </summary>
public sealed class RetryIncident(ProjectWorkflowDbContext db, WorkflowCommands commands)
{
    public async Task<RetryOutcome> HandleAsync(Guid incidentId, RetryIncidentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var incident = await db.Set<IncidentRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
            ?? throw new NotFoundException($"There is no incident {incidentId}.", $"异常 {incidentId} 不存在。");
        if (incident.ResolvedAt is not null) throw new ConflictException("The incident is already resolved.", "该异常已处理。");
        var status = await commands.RunAsync(actor, async session =>
        {
            await session.RetryIncidentAsync(incident.InstanceId, incidentId, request.Variables, cancellationToken);
            var instance = await session.GetInstanceAsync(incident.InstanceId, cancellationToken);
            return (instance.Status.ToString().ToLowerInvariant(), instance.Incidents.Select(i => i.Message).ToList());
        }, cancellationToken);
        return new RetryOutcome(incident.InstanceId, status.Item1, status.Item2);
    }
}

/// <summary>The instance after the retry: running again, or faulted with the new cause.</summary>
public sealed record RetryOutcome(Guid InstanceId, string Status, IReadOnlyList<string> OpenIncidents);
