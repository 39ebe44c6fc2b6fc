using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Workflows.Deputies;

/// <summary>
/// Runs inside every engine command, before it is saved: each task the command created for someone who is away (its
/// assignee or one of its candidate users has a deputy now) is shared with the deputy, journaled <c>deputyAdded</c> —
/// unless the deputy plays another part on the task's project (applicant, expert, approver, payer: the RoleConflict rule),
/// an expert's drawn review, or an applicant's step for someone outside the enterprise; then it stays with the person
/// alone, journaled <c>deputyNotShared</c> with the rule's sentence.
/// </summary>
public sealed class ShareTasksWithDeputies(ProjectWorkflowDbContext db, ProjectRoles projectRoles, TimeProvider time)
{
    public async Task ShareAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        List<(ProcessInstance Instance, UserTaskItem Task)>? arrived = null;
        foreach (var effect in session.Effects)
        {
            if (effect is not TaskCreated created || (created.Task.Assignee is null && created.Task.CandidateUsers.Count == 0)) continue;
            var instance = session.Touched.FirstOrDefault(i => i.Id == created.InstanceId);
            if (instance?.FindTask(created.Task.Id) is { } open) (arrived ??= []).Add((instance, open));
        }
        if (arrived is null) return;

        var people = arrived.SelectMany(a => a.Task.CandidateUsers.Append(a.Task.Assignee)).OfType<string>().Distinct().ToList();
        var now = time.GetUtcNow();
        var away = await db.Set<Deputyship>().AsNoTracking()
            .Where(d => people.Contains(d.UserName) && d.EndedAt == null && d.From <= now && d.Until > now)
            .ToListAsync(cancellationToken);
        if (away.Count == 0) return;

        foreach (var (instance, task) in arrived)
            foreach (var deputyship in away.Where(d => d.UserName == task.Assignee || task.CandidateUsers.Contains(d.UserName)))
            {
                var refusal = await RefusalAsync(instance, task, deputyship.Deputy, now, cancellationToken);
                if (refusal is null)
                    await session.ShareWithDeputyAsync(task.Id, deputyship.Deputy, deputyship.UserName, $"until {deputyship.Until:yyyy-MM-dd HH:mm}Z", cancellationToken);
                else
                    await session.NoteDeputyNotSharedAsync(task.Id, deputyship.Deputy, deputyship.UserName, refusal, cancellationToken);
            }
    }

    /// <summary>Why the deputy may not hold this task, or null when they may.</summary>
    private async Task<string?> RefusalAsync(ProcessInstance instance, UserTaskItem task, string deputy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = await Person.FindAsync(db, deputy, now, cancellationToken);
        if (person is not { Active: true }) return $"{deputy}'s account is locked, disabled or gone.";
        var application = await ApplicationOfProcess.FindAsync(db, instance.BusinessKey, cancellationToken, track: false);
        if (application is null) return null;
        var part = ProjectRoles.RoleOfGroups(task.CandidateGroups) ?? ProjectRoles.RoleOfGroups(person.Roles);
        if (part is null) return null;
        if (part == ProjectRole.Expert) return "An expert's review is drawn for that expert and is never shared.";
        var played = await projectRoles.PlayedAsync(application, deputy, cancellationToken);
        if (part == ProjectRole.Applicant && !played.Contains(ProjectRole.Applicant))
            return $"{deputy} does not act for the applying enterprise.";
        var rule = new RoleConflictRule(deputy, part.Value, played);
        return rule.IsBroken() ? $"RoleConflict: {rule.Message.English}" : null;
    }
}
