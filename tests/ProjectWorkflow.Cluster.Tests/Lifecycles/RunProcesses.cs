using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Cluster.Tests.Operations;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>A process of a run, as the instances table has it.</summary>
public sealed record RunProcess(Guid Id, string DefinitionKey, string? BusinessKey, string Status);

/// <summary>
/// Every process a run started, as the instances table has them rather than as the run kept them: each instance whose
/// business key is one of the run's (the applications', the quotas', the settlements'), and every instance those called,
/// whatever its key. At the end each has completed, and its journal shows each timer it was to wait for fired once and
/// no other timer fired.
/// </summary>
internal static class RunProcesses
{
    public static async Task<List<RunProcess>> FindAsync(TwoNodes cluster, IReadOnlyCollection<string> businessKeys)
    {
        var keys = businessKeys.ToList();
        var processes = await cluster.QueryAsync(db => db.Set<InstanceRecord>().AsNoTracking().Where(i => keys.Contains(i.BusinessKey!))
            .Select(i => new RunProcess(i.Id, i.DefinitionKey, i.BusinessKey, i.Status)).ToListAsync());
        for (var callers = processes.Select(p => p.Id).ToList(); callers.Count > 0;)
        {
            var known = processes.Select(p => p.Id).ToList();
            var called = await cluster.QueryAsync(db => db.Set<InstanceRecord>().AsNoTracking()
                .Where(i => i.ParentInstanceId != null && callers.Contains(i.ParentInstanceId.Value) && !known.Contains(i.Id))
                .Select(i => new RunProcess(i.Id, i.DefinitionKey, i.BusinessKey, i.Status)).ToListAsync());
            processes.AddRange(called);
            callers = called.Select(p => p.Id).ToList();
        }
        return processes;
    }

    /// <param name="expected">How many instances of each process the run started (definition key → count).</param>
    /// <param name="timers">The timers each process waits for (definition key → its timer elements; none when absent).</param>
    public static async Task AssertEachCompletedAsync(People people, PatientClient patient, IReadOnlyList<RunProcess> processes,
        IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, string[]> timers)
    {
        Assert.Equal(expected.OrderBy(e => e.Key), processes.GroupBy(p => p.DefinitionKey).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(e => e.Key));
        Assert.All(processes, p => Assert.True(p.Status == "completed", $"{p.DefinitionKey} {p.BusinessKey} ({p.Id}) is {p.Status}, not completed"));
        for (var i = 0; i < processes.Count; i++)
        {
            var process = processes[i];
            var journal = await patient.GetAsync(people.On("admin1", i), $"/api/instances/{process.Id}/journal");
            var fired = journal.EnumerateArray().Where(j => j.GetProperty("event").GetString() == "timerFired").Select(j => j.GetProperty("elementId").GetString()!).Order().ToList();
            var waitsFor = timers.GetValueOrDefault(process.DefinitionKey, []);
            Assert.True(fired.SequenceEqual(waitsFor.Order()),
                $"{process.DefinitionKey} {process.BusinessKey}: timers fired [{string.Join(", ", fired)}], expected each of [{string.Join(", ", waitsFor)}] once");
        }
    }
}
