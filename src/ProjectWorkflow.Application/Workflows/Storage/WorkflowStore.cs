using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>The engine's store on the application database; tracks the records it loaded so they can be saved.</summary>
internal sealed class WorkflowStore(ProjectWorkflowDbContext db, DefinitionCatalog catalog) : IWorkflowStore
{
    private readonly Dictionary<Guid, InstanceRecord> _loaded = [];
    private readonly Dictionary<Guid, long> _loadedRevisions = [];

    public ValueTask<ProcessDefinition?> FindDefinitionAsync(string definitionId, CancellationToken cancellationToken) =>
        catalog.FindAsync(db, definitionId, cancellationToken);

    public ValueTask<ProcessDefinition?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken) =>
        catalog.FindLatestAsync(db, key, cancellationToken);

    public async ValueTask<ProcessInstance?> FindInstanceAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_prefetched.Remove(id, out var loaded))
            loaded = Loaded.Of(await LoadById.For(db)(db, id, cancellationToken));
        if (loaded is null) return null;
        var record = loaded.Instance;
        _loaded[id] = record;
        _loadedRevisions[id] = record.Revision;
        var instance = JsonSerializer.Deserialize<ProcessInstance>(record.State, RuntimeJson.Options)!;
        // The rows beside the state were written from the state the last save held, so the state says which are there:
        // an instance that held no bookmark (or open incident) when it was saved has no such row to read back.
        _openTasks[id] = loaded.OpenTasks;
        _hadBookmarks[id] = instance.Bookmarks.Count > 0;
        _hadIncidents[id] = instance.Incidents.Count > 0;
        return instance;
    }

    /// <summary>
    /// One round of reads per command: the instance with its open tasks and their candidates, in one query (tracked,
    /// so the save updates them; the instance's revision guards the save). Compiled once, by id and by a task of it: every
    /// command runs one of them, and EF would otherwise walk and match the expression tree each time.
    /// </summary>
    /// <remarks>The task rows of the instance are said a second time inside the nested collection, without reference to the
    /// outer instance row: EF Core joins the nested collection (tasks with their candidates) as a derived table <c>LEFT JOIN (…)
    /// ON instance id</c>, which SQLite cannot merge into the outer query (the derived table is itself a join) and so builds
    /// whole before joining — every open task of every instance with its candidates, a cost that grew with the stored
    /// instances (13 ms at 10,000, seconds at 100,000). With the instance named inside the derived table it reads only that
    /// instance's rows through <c>(InstanceId, Status)</c>.</remarks>
    private static readonly CompiledPerModel<Func<ProjectWorkflowDbContext, Guid, CancellationToken, Task<LoadedRow?>>> LoadById =
        new(() => EF.CompileAsyncQuery((ProjectWorkflowDbContext db, Guid id, CancellationToken _) =>
            db.Set<InstanceRecord>().Where(i => i.Id == id)
                .Select(i => new LoadedRow(i, db.Set<TaskRecord>().Where(t => t.InstanceId == id)
                    .Where(t => t.InstanceId == i.Id && t.Status == TaskStatuses.Open).Select(t => new OpenTaskRow(t, t.Candidates)).ToList()))
                .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<ProjectWorkflowDbContext, Guid, CancellationToken, Task<LoadedRow?>>> LoadByTask =
        new(() => EF.CompileAsyncQuery((ProjectWorkflowDbContext db, Guid taskId, CancellationToken _) =>
            db.Set<InstanceRecord>().Where(i => db.Set<TaskRecord>().Where(t => t.Id == taskId).Select(t => t.InstanceId).Contains(i.Id))
                .Select(i => new LoadedRow(i, db.Set<TaskRecord>().Where(t => db.Set<TaskRecord>().Where(o => o.Id == taskId).Select(o => o.InstanceId).Contains(t.InstanceId))
                    .Where(t => t.InstanceId == i.Id && t.Status == TaskStatuses.Open).Select(t => new OpenTaskRow(t, t.Candidates)).ToList()))
                .FirstOrDefault()));

    private sealed record LoadedRow(InstanceRecord Instance, List<OpenTaskRow> Tasks);

    private sealed record OpenTaskRow(TaskRecord Task, List<TaskCandidate> Candidates);

    private sealed record Loaded(InstanceRecord Instance, List<TaskRecord> OpenTasks)
    {
        public static Loaded? Of(LoadedRow? row) => row is null ? null : new Loaded(row.Instance, row.Tasks.Select(t => t.Task).ToList());
    }

    private readonly Dictionary<Guid, Loaded> _prefetched = [];
    private readonly Dictionary<Guid, List<TaskRecord>> _openTasks = [];
    private readonly Dictionary<Guid, bool> _hadBookmarks = [];
    private readonly Dictionary<Guid, bool> _hadIncidents = [];

    public async ValueTask<IReadOnlyList<Guid>> FindInstancesWaitingForSignalAsync(string name, CancellationToken cancellationToken)
    {
        var kind = BookmarkKind.Signal.ToString().ToLowerInvariant();
        return await db.Set<BookmarkRecord>().AsNoTracking()
            .Where(b => b.Kind == kind && b.MessageName == name)
            .Select(b => b.InstanceId).Distinct().ToListAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<ProcessDefinition>> FindLatestDefinitionsAsync(CancellationToken cancellationToken)
    {
        var keys = await db.Set<DefinitionRecord>().AsNoTracking()
            .Where(d => d.Status == DefinitionStatuses.Active)
            .Select(d => d.Key).Distinct().ToListAsync(cancellationToken);
        var latest = new List<ProcessDefinition>();
        foreach (var key in keys.Order(StringComparer.Ordinal))
            if (await catalog.FindLatestAsync(db, key, cancellationToken) is { } definition) latest.Add(definition);
        return latest;
    }

    /// <summary>The task's instance, loaded in the same query (the engine asks for it next).</summary>
    public async ValueTask<Guid?> FindInstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var loaded = Loaded.Of(await LoadByTask.For(db)(db, taskId, cancellationToken));
        if (loaded is null)
            return await db.Set<TaskRecord>().AsNoTracking().Where(t => t.Id == taskId).Select(t => (Guid?)t.InstanceId).FirstOrDefaultAsync(cancellationToken);
        _prefetched[loaded.Instance.Id] = loaded;
        return loaded.Instance.Id;
    }

    /// <summary>Writes every instance the session touched, with its inbox rows, bookmarks, incidents and journal.</summary>
    public async Task StageAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        var completedBy = session.Effects.OfType<TaskCompleted>().ToDictionary(e => e.TaskId);
        var cancelReasons = session.Effects.OfType<TaskCancelled>().GroupBy(e => e.TaskId).ToDictionary(g => g.Key, g => g.Last().Reason);
        var now = session.Engine.Time.GetUtcNow();

        foreach (var instance in session.Touched)
        {
            var record = session.Created.Contains(instance.Id) ? NewRecord(instance) : _loaded[instance.Id];
            record.Status = instance.Status.ToString().ToLowerInvariant();
            record.EndedAt = instance.EndedAt;
            record.DefinitionId = instance.DefinitionId;
            record.Version = instance.Version;
            record.State = JsonSerializer.Serialize(instance, RuntimeJson.Options);
            record.Revision++;

            // A new instance has no rows yet: its projections need no reading, only writing.
            var isNew = session.Created.Contains(instance.Id);
            var withdrawn = session.Journal.Any(j => j.InstanceId == instance.Id && j.Event == "withdrawn");
            await SyncTasksAsync(instance, completedBy, cancelReasons, now, isNew, withdrawn, cancellationToken);
            await SyncBookmarksAsync(instance, isNew, cancellationToken);
            await SyncIncidentsAsync(instance, now, isNew, cancellationToken);
        }

        // Not tracked: the save writes a command's journal lines in one statement (JournalLines).
        foreach (var entry in session.Journal)
            db.StageJournal(new JournalRecord
            {
                InstanceId = entry.InstanceId,
                Sequence = entry.Sequence,
                At = entry.At,
                ElementId = entry.ElementId,
                Kind = entry.Kind,
                Event = entry.Event,
                Actor = entry.Actor,
                Detail = entry.Detail is { Length: > 4000 } text ? text[..4000] : entry.Detail,
            });
    }

    /// <summary>
    /// After a failed save: did another transaction change (or create) one of our instances meanwhile?
    /// Then the failure was a lost race, whatever constraint the database tripped on first.
    /// </summary>
    public async Task<bool> LostARaceAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, revision) in _loadedRevisions)
        {
            var current = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Id == id).Select(i => (long?)i.Revision).FirstOrDefaultAsync(cancellationToken);
            if (current != revision) return true;
        }
        foreach (var id in _loaded.Keys.Except(_loadedRevisions.Keys))
            if (await db.Set<InstanceRecord>().AsNoTracking().AnyAsync(i => i.Id == id, cancellationToken)) return true;
        return false;
    }

    private InstanceRecord NewRecord(ProcessInstance instance)
    {
        var record = new InstanceRecord
        {
            Id = instance.Id,
            DefinitionKey = instance.DefinitionKey,
            BusinessKey = instance.BusinessKey,
            StartedAt = instance.StartedAt,
            StartedBy = instance.StartedBy,
            ParentInstanceId = instance.ParentInstanceId,
        };
        db.Add(record);
        _loaded[instance.Id] = record;
        return record;
    }

    private async Task SyncTasksAsync(ProcessInstance instance, Dictionary<Guid, TaskCompleted> completedBy,
        Dictionary<Guid, string> cancelReasons, DateTimeOffset now, bool isNew, bool withdrawn, CancellationToken cancellationToken)
    {
        var rows = isNew ? [] : _openTasks[instance.Id];
        var open = instance.Tasks.ToDictionary(t => t.Id);

        foreach (var row in rows.Where(r => !open.ContainsKey(r.Id)))
        {
            row.EndedAt = now;
            foreach (var candidate in row.Candidates) candidate.Claimable = false;
            if (completedBy.TryGetValue(row.Id, out var completed))
            {
                row.Status = TaskStatuses.Completed;
                row.CompletedBy = completed.Actor;
                // What this completion answered, kept with it: the instance's variables change when a step is taken again.
                row.Answers = completed.Variables?.ToJsonString() ?? "{}";
            }
            else
            {
                row.Status = TaskStatuses.Cancelled;
                row.CancelReason = cancelReasons.GetValueOrDefault(row.Id) ?? "the process moved on";
            }
        }

        foreach (var task in instance.Tasks)
        {
            var row = rows.Find(r => r.Id == task.Id);
            if (row is null)
            {
                // A withdrawal can bring a finished task back: reopen its row rather than add a second one. Only a
                // withdrawal brings a task id back; any other task not among the open rows was created by this command.
                row = withdrawn ? await db.Set<TaskRecord>().Include(t => t.Candidates).FirstOrDefaultAsync(t => t.Id == task.Id, cancellationToken) : null;
                if (row is null)
                {
                    row = new TaskRecord { Id = task.Id, InstanceId = instance.Id, CreatedAt = task.CreatedAt };
                    db.Add(row);
                }
                row.Status = TaskStatuses.Open;
                row.EndedAt = null;
                row.CompletedBy = null;
                row.Answers = null;
                row.CancelReason = null;
            }
            row.DefinitionKey = instance.DefinitionKey;
            row.BusinessKey = instance.BusinessKey;
            row.ElementId = task.ElementId;
            row.Name = task.Name;
            row.Assignee = task.Assignee;
            row.Owner = task.Owner;
            row.FormKey = task.FormKey;
            // Stored in UTC: SQLite compares the stored ticks, so moments with other offsets would sort wrongly
            // (the inbox orders by due date; reminders and overdue flags compare it with now).
            row.DueAt = task.DueAt?.ToUniversalTime();
            SyncCandidates(row, task);
            // What the inbox reads from the candidate rows alone (ListTasks): claimable, and the task's order and overdue flag.
            // Assigning an unchanged value writes nothing.
            foreach (var candidate in row.Candidates)
            {
                candidate.Claimable = row.Assignee is null;
                candidate.DueAt = row.DueAt;
                candidate.CreatedAt = row.CreatedAt;
                candidate.OverdueSince = row.OverdueSince;
            }
        }
    }

    private static void SyncCandidates(TaskRecord row, UserTaskItem task)
    {
        // A deputy (代理) sees the task in their own inbox, beside the person they stand in for.
        var wanted = task.CandidateGroups.Select(g => (true, g, false)).Concat(task.CandidateUsers.Select(u => (false, u, false)))
            .Concat((task.Deputies ?? []).Select(d => (false, d, true))).ToHashSet();
        row.Candidates.RemoveAll(c => !wanted.Contains((c.IsGroup, c.Value, c.IsDeputy)));
        foreach (var (isGroup, value, isDeputy) in wanted)
            if (!row.Candidates.Exists(c => c.IsGroup == isGroup && c.Value == value && c.IsDeputy == isDeputy))
                row.Candidates.Add(new TaskCandidate { TaskId = row.Id, IsGroup = isGroup, Value = value, IsDeputy = isDeputy });
    }

    private async Task SyncBookmarksAsync(ProcessInstance instance, bool isNew, CancellationToken cancellationToken)
    {
        var rows = isNew || !_hadBookmarks[instance.Id] ? [] : await db.Set<BookmarkRecord>().Where(b => b.InstanceId == instance.Id).ToListAsync(cancellationToken);
        var live = instance.Bookmarks.ToDictionary(b => b.Id);
        foreach (var row in rows.Where(r => !live.ContainsKey(r.Id))) db.Remove(row);
        foreach (var bookmark in instance.Bookmarks)
        {
            var row = rows.Find(r => r.Id == bookmark.Id);
            if (row is null)
            {
                row = new BookmarkRecord { Id = bookmark.Id, InstanceId = instance.Id };
                db.Add(row);
            }
            row.Kind = bookmark.Kind.ToString().ToLowerInvariant();
            row.ElementId = bookmark.ElementId;
            row.DueAt = bookmark.DueAt?.ToUniversalTime(); // the sweep compares it with now (see tasks above)
            row.MessageName = bookmark.MessageName;
            row.CorrelationKey = bookmark.CorrelationKey;
            row.Priority = bookmark.Priority ?? 0;
            row.WorkerId = bookmark.WorkerId;
        }
    }

    private async Task SyncIncidentsAsync(ProcessInstance instance, DateTimeOffset now, bool isNew, CancellationToken cancellationToken)
    {
        var rows = isNew || !_hadIncidents[instance.Id] ? [] : await db.Set<IncidentRecord>().Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null).ToListAsync(cancellationToken);
        var open = instance.Incidents.ToDictionary(i => i.Id);
        foreach (var row in rows.Where(r => !open.ContainsKey(r.Id))) row.ResolvedAt = now;
        foreach (var incident in instance.Incidents.Where(i => !rows.Exists(r => r.Id == i.Id)))
            db.Add(new IncidentRecord
            {
                Id = incident.Id,
                InstanceId = instance.Id,
                ElementId = incident.ElementId,
                Kind = incident.Kind,
                Message = incident.Message is { Length: > 4000 } m ? m[..4000] : incident.Message,
                CreatedAt = incident.CreatedAt,
            });
    }
}
