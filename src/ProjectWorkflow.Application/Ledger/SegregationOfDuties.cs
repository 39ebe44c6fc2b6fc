using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// Nobody completes a task of a funded project in a second part: before a command that completes a user task
/// of a project's process commits, the completer's part (from the task's candidate groups, else the person's
/// roles) is checked against the parts they already played; a conflict refuses the whole command (422).
/// </summary>
public sealed class SegregationOfDuties(ProjectWorkflowDbContext db, ProjectRoles roles) : IWorkflowSessionObserver
{
    public async Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        var person = session.Actor.Id;
        var completions = session.Journal.Where(j => j.Event == "completed" && j.Actor == person && j.Kind == "userTask").ToList();
        if (completions.Count == 0) return;
        foreach (var completion in completions)
        {
            var instance = session.Touched.FirstOrDefault(i => i.Id == completion.InstanceId);
            if (instance?.BusinessKey is not { } businessKey) continue;
            var application = db.Set<FundingApplication>().Local.FirstOrDefault(a => a.Number == businessKey)
                ?? await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Number == businessKey, cancellationToken);
            if (application is null) continue;
            var task = db.ChangeTracker.Entries<TaskRecord>().Select(e => e.Entity)
                .FirstOrDefault(t => t.InstanceId == completion.InstanceId && t.ElementId == completion.ElementId && t.CompletedBy == person);
            var groups = task?.Candidates.Where(c => c.IsGroup).Select(c => c.Value).ToList() ?? [];
            if (groups.Count == 0 && task is not null)
                groups = await db.Set<TaskCandidate>().Where(c => c.TaskId == task.Id && c.IsGroup).Select(c => c.Value).ToListAsync(cancellationToken);
            var wanted = ProjectRoles.RoleOfGroups(groups) ?? ProjectRoles.RoleOfGroups(session.Actor.Groups);
            if (wanted is null) continue;
            Check.Rules(new RoleConflictRule(person, wanted.Value, await roles.PlayedAsync(application, person, cancellationToken)));
        }
    }
}
