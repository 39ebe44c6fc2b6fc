using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

public sealed record ListTasksRequest(string? Scope, Guid? InstanceId, int? Skip, int? Take, string? Process = null, string? Step = null,
    string? District = null, string? Sort = null);

/// <summary>How many open tasks each tab of the inbox holds.</summary>
public sealed record TaskCounts(int Mine, int Candidate, int Overdue);

/// <summary>
/// The inbox: <c>mine</c> (assigned to me), <c>candidate</c> (unassigned, and I may claim it), or
/// <c>all</c> (both; every open task for administrators and auditors), or <c>overdue</c> (mine or claimable, past
/// due). Optionally only one process (a scheme's key), one step, or one district's applications (the project pool's
/// register names the district, <see cref="ApplicationDistricts"/>). Soonest due first (<c>sort=due</c>), latest due
/// first (<c>due-desc</c>) or newest first (<c>newest</c>).
/// </summary>
public sealed class ListTasks(ProjectWorkflowDbContext db, TaskForms forms)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<TaskView>> HandleAsync(ListTasksRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var scope = (request.Scope ?? "all").Trim().ToLowerInvariant();
        if (scope is not ("mine" or "candidate" or "all" or "overdue"))
            throw InvalidRequestException.For("scope", "The scope is one of: mine, candidate, all, overdue.");
        if (request.Process?.Length > 200) throw InvalidRequestException.For("process", "A process key is at most 200 characters.");
        if (request.Step?.Length > 200) throw InvalidRequestException.For("step", "A step id is at most 200 characters.");
        var take = request.Take ?? 100;
        if (take is < 1 or > MaxTake) throw InvalidRequestException.For("take", $"Take between 1 and {MaxTake} tasks at a time.");
        var skip = request.Skip ?? 0;
        if (skip < 0) throw InvalidRequestException.For("skip", "Skip cannot be negative.");
        if (request.District?.Length > 100) throw InvalidRequestException.For("district", "A district is at most 100 characters.");
        var sort = string.IsNullOrWhiteSpace(request.Sort) ? "due" : request.Sort.Trim().ToLowerInvariant();
        if (sort is not ("due" or "due-desc" or "newest")) throw InvalidRequestException.For("sort", "Sort by one of: due, due-desc, newest.");

        var me = actor.Id;
        var open = db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Open);
        if (request.InstanceId is { } instanceId) open = open.Where(t => t.InstanceId == instanceId);
        if (!string.IsNullOrWhiteSpace(request.Process)) open = open.Where(t => t.DefinitionKey == request.Process);
        if (!string.IsNullOrWhiteSpace(request.Step)) open = open.Where(t => t.ElementId == request.Step);
        if (!string.IsNullOrWhiteSpace(request.District))
        {
            var numbers = await ApplicationDistricts.NumbersInAsync(db, request.District.Trim(), cancellationToken);
            open = open.Where(t => t.BusinessKey != null && numbers.Contains(t.BusinessKey));
        }

        var mine = open.Where(t => t.Assignee == me);
        var namingMe = NamingMe(actor);
        var claimable = open.Where(t => t.Assignee == null && namingMe.Contains(t.Id));
        var mineOrClaimable = open.Where(t => t.Assignee == me || (t.Assignee == null && namingMe.Contains(t.Id)));
        var query = scope switch
        {
            "mine" => mine,
            "candidate" => claimable,
            "overdue" => mineOrClaimable.Where(t => t.OverdueSince != null),
            _ when InstanceAccess.SeesEverything(actor) => open,
            _ => mineOrClaimable,
        };

        var ordered = sort switch
        {
            "due-desc" => query.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
            "newest" => query.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
            // PostgreSQL sorts NULLs last in ascending order of its own: the plain order is the same order, and one the
            // (Status, Assignee, DueAt) index yields as it is, so a page reads as many rows as it shows instead of sorting all.
            _ when db.Database.IsNpgsql() => query.OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
            _ => query.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
        };
        var rows = await ordered
            .Skip(skip).Take(take)
            .Include(t => t.Candidates)
            .ToListAsync(cancellationToken);
        var formRefs = await forms.FormRefsAsync(rows, cancellationToken);
        var views = rows.Select(t => ToView(t) with { FormRef = formRefs.GetValueOrDefault(t.Id) });
        // Outside the fund's staff (an applicant's or an expert's own tasks) the inbox names nobody else.
        return Roles.IsStaff(actor) ? views.ToList()
            : views.Select(v => v with
            {
                Owner = v.Owner == me ? v.Owner : null,
                CandidateUsers = v.CandidateUsers.Where(u => u == me).ToList(),
            }).ToList();
    }

    /// <summary>The inbox's tab counts: assigned to me, claimable by me, and of those past due.</summary>
    public async Task<TaskCounts> CountAsync(Actor actor, CancellationToken cancellationToken)
    {
        var me = actor.Id;
        var namingMe = NamingMe(actor);
        // One pass over my open and claimable tasks, the three counts summed together (three COUNTs read them three times).
        var counts = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.Status == TaskStatuses.Open && (t.Assignee == me || (t.Assignee == null && namingMe.Contains(t.Id))))
            .GroupBy(t => 1)
            .Select(g => new TaskCounts(g.Count(t => t.Assignee == me), g.Count(t => t.Assignee == null), g.Count(t => t.OverdueSince != null)))
            .FirstOrDefaultAsync(cancellationToken);
        return counts ?? new TaskCounts(0, 0, 0);
    }

    /// <summary>
    /// The tasks whose candidates name me (a group of mine, or me), as one set read once from the candidates' (Value, IsGroup,
    /// TaskId) index, rather than a probe of every open unassigned task's candidates.
    /// </summary>
    private IQueryable<Guid> NamingMe(Actor actor) => db.Set<TaskCandidate>().AsNoTracking().Where(TaskCandidates.Naming(actor)).Select(c => c.TaskId);

    public static TaskView ToView(TaskRecord t) => new(
        t.Id, t.InstanceId, t.ElementId, t.Name, t.Assignee, t.Owner,
        t.Candidates.Where(c => c.IsGroup).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        t.Candidates.Where(c => !c.IsGroup).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        t.DueAt, t.FormKey, t.CreatedAt, t.BusinessKey, t.DefinitionKey, t.OverdueSince);
}
