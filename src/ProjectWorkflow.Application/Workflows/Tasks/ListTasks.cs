using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

public sealed record ListTasksRequest(string? Scope, Guid? InstanceId, int? Skip, int? Take);

/// <summary>
/// The inbox: <c>mine</c> (assigned to me), <c>candidate</c> (unassigned, and I may claim it), or
/// <c>all</c> (both; every open task for administrators and auditors). Soonest due first.
/// </summary>
public sealed class ListTasks(ProjectWorkflowDbContext db, TaskForms forms)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<TaskView>> HandleAsync(ListTasksRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var scope = (request.Scope ?? "all").Trim().ToLowerInvariant();
        if (scope is not ("mine" or "candidate" or "all"))
            throw InvalidRequestException.For("scope", "The scope is one of: mine, candidate, all.");
        var take = request.Take ?? 100;
        if (take is < 1 or > MaxTake) throw InvalidRequestException.For("take", $"Take between 1 and {MaxTake} tasks at a time.");
        var skip = request.Skip ?? 0;
        if (skip < 0) throw InvalidRequestException.For("skip", "Skip cannot be negative.");

        var me = actor.Id;
        var namesMe = TaskCandidates.Naming(actor);
        var open = db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Open);
        if (request.InstanceId is { } instanceId) open = open.Where(t => t.InstanceId == instanceId);

        var mine = open.Where(t => t.Assignee == me);
        var claimable = open.Where(t => t.Assignee == null && t.Candidates.AsQueryable().Any(namesMe));
        var query = scope switch
        {
            "mine" => mine,
            "candidate" => claimable,
            _ when InstanceAccess.SeesEverything(actor) => open,
            _ => open.Where(t => t.Assignee == me || (t.Assignee == null && t.Candidates.AsQueryable().Any(namesMe))),
        };

        var rows = await query
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
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

    public static TaskView ToView(TaskRecord t) => new(
        t.Id, t.InstanceId, t.ElementId, t.Name, t.Assignee, t.Owner,
        t.Candidates.Where(c => c.IsGroup).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        t.Candidates.Where(c => !c.IsGroup).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        t.DueAt, t.FormKey, t.CreatedAt, t.BusinessKey, t.DefinitionKey, t.OverdueSince);
}
