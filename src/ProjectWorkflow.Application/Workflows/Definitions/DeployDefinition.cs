using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows.Timers;
using ProjectWorkflow.Engine;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Forms;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Application.Workflows.Definitions;

/// <summary>
/// The administrator deploys a BPMN file. Identical bytes return the version already deployed;
/// new bytes become the next version; a file with problems is refused with all of them. The new
/// version's timer start events replace the older versions' in the same transaction.
/// A new version of a process money depends on (<see cref="MoneyProcesses"/>) deployed by a person waits for a
/// second administrator (<see cref="ReviewDefinition"/>): until then new instances keep the active version. The
/// workflows folder shipped with the app (<paramref name="shipped"/>) is the reviewed source and is active at once.
/// </summary>
public sealed class DeployDefinition(
    ProjectWorkflowDbContext db, WorkflowEngine engine, DefinitionCatalog catalog, ReplaceStartTimers startTimers, MoneyProcesses money,
    AuditTrail audit, TimeProvider time, FormCatalog forms, ILogger<DeployDefinition> logger)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <param name="Warnings">What the deploy check flags (<see cref="ConditionSupply"/>): conditions reading variables no form supplies.</param>
    public sealed record Deployed(string Key, int Version, string Id, string? Name, bool IsNew, string Status = DefinitionStatuses.Active,
        IReadOnlyList<string>? Warnings = null)
    {
        /// <summary>Every process the file deployed, this one first (a file may hold several executable processes).</summary>
        public IReadOnlyList<Deployed> Processes { get; init; } = [];
    }

    public async Task<Deployed> HandleAsync(byte[] content, string? deployedBy, CancellationToken cancellationToken, bool shipped = false)
    {
        if (content.Length == 0)
            throw new DefinitionRejectedException([new DefinitionProblem(null, "definitions", 0, "The body is empty: send the BPMN 2.0 XML file as the request body.")]);
        if (content.Length > MaxBytes)
            throw new DefinitionRejectedException([new DefinitionProblem(null, "definitions", 0, $"The file is {content.Length:N0} bytes; the limit is {MaxBytes:N0}.")]);

        // As Camunda deploys a file: each executable process becomes its own definition, keyed by its id.
        var compiled = engine.CompileEach(content);
        if (!compiled.Succeeded) throw new DefinitionRejectedException(compiled.Problems);
        var deployed = new List<Deployed>();
        foreach (var definition in compiled.Definitions)
            deployed.Add(await DeployOneAsync(definition, content, deployedBy, shipped, cancellationToken));
        return deployed[0] with { IsNew = deployed.Any(d => d.IsNew), Processes = deployed, Warnings = deployed.SelectMany(d => d.Warnings ?? []).ToList() };
    }

    /// <summary>With external workers on, a topic no handler of the app serves is not refused: it waits for Camunda's workers, and deploy says so.</summary>
    private IEnumerable<string> ExternalTopicWarnings(ProcessDefinition definition) =>
        engine.Options.ExternalWorkers
            ? definition.Process.NodesById.Values.OfType<ServiceTask>()
                .Where(task => task.Topic is { } topic && !engine.ServiceTasks.TryGet(topic, out _))
                .Select(task => $"The service task '{task.Id}' (topic '{task.Topic}') has no handler in the app: it will wait for an external worker to fetch it from /engine-rest/external-task.")
            : [];

    private async Task<Deployed> DeployOneAsync(ProcessDefinition definition, byte[] content, string? deployedBy, bool shipped, CancellationToken cancellationToken)
    {
        var warnings = ConditionSupply.Warnings(definition, id => definition.Process.Forms.GetValueOrDefault(id) ?? forms.Find(id), engine.ServiceTasks)
            .Concat(ExternalTopicWarnings(definition)).ToList();
        foreach (var warning in warnings) logger.LogWarning("Deploying {Key}: {Warning}", definition.Key, warning);
        var existing = await db.Set<DefinitionRecord>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Key == definition.Key && d.ContentHash == definition.ContentHash, cancellationToken);
        if (existing is not null) return new Deployed(existing.Key, existing.Version, existing.Id, existing.Name, false, existing.Status, warnings);

        var needsSecondAdmin = !shipped && (money.MovesMoney(definition) || await money.IncludesAsync(definition.Key, cancellationToken));
        var latest = await db.Set<DefinitionRecord>().Where(d => d.Key == definition.Key).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        var record = new DefinitionRecord
        {
            Id = $"{definition.Key}:{latest + 1}",
            Key = definition.Key,
            Version = latest + 1,
            Name = definition.Name,
            ContentHash = definition.ContentHash,
            Content = content,
            DeployedAt = time.GetUtcNow(),
            DeployedBy = deployedBy,
            Status = needsSecondAdmin ? DefinitionStatuses.PendingApproval : DefinitionStatuses.Active,
        };
        db.Add(record);
        // A pending version arms no start timer: its timers replace the active ones when it is approved.
        IReadOnlyList<StartTimerRecord> armed = needsSecondAdmin ? [] : await startTimers.StageAsync(definition, record.Id, record.Version, cancellationToken);
        audit.Record("definition.deployed", "definition", record.Id,
            detail: $"{record.Name ?? record.Key} version {record.Version}; content hash {record.ContentHash}; {content.Length} bytes; "
                + (needsSecondAdmin ? "waits for a second administrator's approval (a process money depends on)" : "active")
                + (warnings.Count > 0 ? $"; {warnings.Count} deploy-check warning(s)" : ""));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node deployed at the same moment: whatever it deployed, ours must be looked up again.
            db.ChangeTracker.Clear();
            var winner = await db.Set<DefinitionRecord>().AsNoTracking()
                .FirstOrDefaultAsync(d => d.Key == definition.Key && d.ContentHash == definition.ContentHash, cancellationToken);
            if (winner is not null) return new Deployed(winner.Key, winner.Version, winner.Id, winner.Name, false, winner.Status, warnings);
            throw;
        }
        catalog.Remember(record);
        startTimers.ScheduleJobs(armed);
        return new Deployed(record.Key, record.Version, record.Id, record.Name, true, record.Status, warnings);
    }
}
