using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// Turns what a workflow command did into inbox notifications and queued e-mails, staged in the
/// command's own transaction: they exist exactly when the change they announce does.
/// <list type="bullet">
/// <item>a task created with an assignee → the assignee; without one → its candidate users and groups;</item>
/// <item>delegated, handed back, transferred, signer added, passed to the next signer, reminded, copied → the people (or groups) the engine names;</item>
/// <item>a task completed (a decision) → the instance's starter and applicant, and whoever was copied on the task;</item>
/// <item>an instance ended → its starter and applicant.</item>
/// </list>
/// Nobody is told about their own action. A reader outside the fund's staff (an applicant, an expert, a provider)
/// is never told which staff member acted: the notice says what happened, not who on the staff did it.
/// </summary>
public sealed class WorkflowNotifications(
    ProjectWorkflowDbContext db, DefinitionCatalog catalog, MailRecipients mailRecipients, MailQueueSignal signal,
    IOptions<NotificationSettings> settings)
    : IWorkflowSessionObserver
{
    /// <summary>
    /// The process variable naming the applicant, when someone else (an administrator, an
    /// integration) started the instance for them: they hear the decisions too.
    /// </summary>
    public const string ApplicantVariable = "applicant";

    private sealed record Plan(NotificationFacts Facts, ProcessInstance Instance, Guid? TaskId, IReadOnlyList<Recipient> Recipients);

    /// <summary>A staged notification still to be mailed, once the addresses of all of them are known.</summary>
    private sealed record ToMail(Notification Notification, Recipient Recipient, string Body);

    public async Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        if (session.Effects.Count == 0) return;
        var instances = session.Touched.ToDictionary(i => i.Id);
        var endedHere = session.Effects.OfType<InstanceEnded>().Select(e => e.InstanceId).ToHashSet();
        var toMail = new List<ToMail>();
        var plans = new List<Plan>();

        foreach (var effect in session.Effects)
        {
            if (!instances.TryGetValue(effect.InstanceId, out var instance)) continue;
            var definition = await catalog.FindAsync(db, instance.DefinitionId, cancellationToken);
            var plan = effect switch
            {
                TaskCreated created => ForNewTask(session, instance, definition, created),
                TaskNotification notice => ForTaskEvent(session, instance, definition, notice),
                TaskCompleted done => await ForDecisionAsync(session, instance, definition, done, endedHere.Contains(instance.Id), cancellationToken),
                InstanceEnded end => ForEnd(session, instance, definition, end),
                _ => null,
            };
            if (plan is not null) plans.Add(plan);
        }
        var staff = await StaffAmongAsync(session, plans, cancellationToken);
        foreach (var plan in plans) toMail.AddRange(Stage(session, plan, staff));

        if (await QueueMailAsync(session, toMail, cancellationToken) > 0) WakeSenderAfterCommit();
    }

    private static Plan? ForNewTask(WorkflowSession session, ProcessInstance instance, ProcessDefinition? definition, TaskCreated created)
    {
        var task = created.Task;
        var recipients = task.Assignee is { } assignee
            ? [Recipient.User(assignee)]
            : task.CandidateUsers.Select(Recipient.User).Concat(task.CandidateGroups.Select(Recipient.Group)).ToList();
        var sentBack = session.Journal.LastOrDefault(j => j.InstanceId == instance.Id && j.Event == "sentBack");
        var facts = new NotificationFacts(
            sentBack is null ? NotificationKinds.TaskAssigned : NotificationKinds.TaskSentBack,
            ProcessName(instance, definition), Reference(instance), task.Name ?? task.ElementId, session.Actor.Id,
            DueAt: task.DueAt,
            // The journal says "to <element>: <reason>"; the reason is what the person reads.
            Message: sentBack?.Detail is { } detail && detail.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? detail[(at + 2)..] : null);
        return new Plan(facts, instance, task.Id, recipients);
    }

    private static Plan ForTaskEvent(WorkflowSession session, ProcessInstance instance, ProcessDefinition? definition, TaskNotification notice)
    {
        var task = instance.FindTask(notice.TaskId);
        var kind = notice.Event switch
        {
            "assigned" => NotificationKinds.TaskAssigned,
            "delegated" => NotificationKinds.TaskDelegated,
            "resolved" => NotificationKinds.TaskResolved,
            "transferred" => NotificationKinds.TaskTransferred,
            "signerAdded" => NotificationKinds.SignerAdded,
            "reminded" => NotificationKinds.Reminded,
            "copied" => NotificationKinds.Copied,
            _ => NotificationKinds.TaskUpdated,
        };
        var facts = new NotificationFacts(
            kind, ProcessName(instance, definition), Reference(instance), task?.Name ?? task?.ElementId, session.Actor.Id,
            DueAt: task?.DueAt, Message: notice.Message);
        return new Plan(facts, instance, notice.TaskId,
            notice.Users.Select(Recipient.User).Concat(notice.Groups.Select(Recipient.Group)).ToList());
    }

    private async Task<Plan?> ForDecisionAsync(
        WorkflowSession session, ProcessInstance instance, ProcessDefinition? definition, TaskCompleted done, bool ended, CancellationToken cancellationToken)
    {
        var node = definition?.Process.NodesById.GetValueOrDefault(done.ElementId);
        // One expert's score in a panel is not a decision on the file (and the panel may be confidential):
        // the applicant hears when the panel as a whole moves the process on.
        if (node is Activity { MultiInstance: not null }) return null;

        // When the same command ended the instance, its starter and applicant get the end notice
        // (which names this last step) instead of two messages for one click.
        var recipients = ended ? [] : Interested(instance);
        // A task never copied to anyone (its state says so: every copy is recorded on it) has nobody copied on to look up.
        if (done.CopiedTo is not { Count: 0 }) recipients.AddRange(await CopiedOnAsync(done.TaskId, cancellationToken));
        var next = session.Effects.OfType<TaskCreated>()
            .Where(c => c.InstanceId == instance.Id)
            .Select(c => c.Task.Name ?? c.Task.ElementId)
            .Distinct()
            .ToList();
        var facts = new NotificationFacts(
            NotificationKinds.Decision, ProcessName(instance, definition), Reference(instance), node?.Name ?? done.ElementId, done.Actor,
            NextSteps: next);
        return new Plan(facts, instance, done.TaskId, recipients);
    }

    private static Plan? ForEnd(WorkflowSession session, ProcessInstance instance, ProcessDefinition? definition, InstanceEnded end)
    {
        // A called sub-process ending is a step of its parent, which announces its own end.
        if (instance.ParentInstanceId is not null) return null;
        var last = session.Effects.OfType<TaskCompleted>().LastOrDefault(c => c.InstanceId == instance.Id);
        var lastStep = last is null ? null : definition?.Process.NodesById.GetValueOrDefault(last.ElementId)?.Name ?? last.ElementId;
        // Reached an end event ("Approved", "Rejected"): its name is the outcome. Stopped from outside
        // (cancelled, terminated by a person): the reason they gave is.
        var endEvent = session.Journal.LastOrDefault(j => j.InstanceId == instance.Id && j.Kind == "endEvent"
            && definition?.Process.NodesById.GetValueOrDefault(j.ElementId)?.Scope is ProcessModel);
        var outcome = endEvent is null ? null : definition?.Process.NodesById.GetValueOrDefault(endEvent.ElementId)?.Name ?? endEvent.ElementId;
        var reason = endEvent is not null ? null
            : session.Journal.LastOrDefault(j => j.InstanceId == instance.Id && j.Event is "cancelled" or "terminated")?.Detail;
        var facts = new NotificationFacts(
            NotificationKinds.InstanceEnded, ProcessName(instance, definition), Reference(instance), lastStep, session.Actor.Id,
            Message: reason, EndStatus: end.Status, Outcome: outcome);
        return new Plan(facts, instance, null, Interested(instance));
    }

    /// <summary>The people a file belongs to: who started it, and the applicant it names.</summary>
    private static List<Recipient> Interested(ProcessInstance instance)
    {
        var people = new List<Recipient>();
        if (instance.StartedBy is { } starter && starter != Actor.System.Id) people.Add(Recipient.User(starter));
        if (instance.Variables[ApplicantVariable] is JsonValue value && value.TryGetValue<string>(out var applicant) && !string.IsNullOrWhiteSpace(applicant))
            people.Add(Recipient.User(applicant.Trim()));
        return people;
    }

    /// <summary>抄送: whoever was copied on a task follows it, so they hear how it was decided.</summary>
    private async Task<IEnumerable<Recipient>> CopiedOnAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.TaskId == taskId && n.Kind == NotificationKinds.Copied && !n.RecipientIsGroup)
            .Select(n => n.Recipient)
            .ToListAsync(cancellationToken);
        var stagedNow = db.Set<Notification>().Local
            .Where(n => n.TaskId == taskId && n.Kind == NotificationKinds.Copied && !n.RecipientIsGroup)
            .Select(n => n.Recipient);
        return stored.Concat(stagedNow).Select(Recipient.User);
    }

    /// <summary>
    /// The recipients who are on the fund's staff (by their roles, or a staff role's group), when the actor is staff
    /// and so must not be named to the others; null when nobody needs hiding.
    /// </summary>
    private async Task<HashSet<string>?> StaffAmongAsync(WorkflowSession session, List<Plan> plans, CancellationToken cancellationToken)
    {
        if (!Roles.IsStaff(session.Actor)) return null;
        var users = plans.SelectMany(p => p.Recipients).Where(r => !r.IsGroup && !string.IsNullOrWhiteSpace(r.Name))
            .Select(r => r.Name.Trim()).Distinct().ToList();
        var staff = await (from user in db.Users
                           join link in db.UserRoles on user.Id equals link.UserId
                           join role in db.Roles on link.RoleId equals role.Id
                           where users.Contains(user.UserName!) && Roles.Staff.Contains(role.Name!)
                           select user.UserName!).Distinct().ToListAsync(cancellationToken);
        return staff.ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsStaffGroup(string group) => Roles.Staff.Contains(group.Split(':')[0]);

    /// <summary>Adds one notification per recipient (never the actor themselves).</summary>
    private List<ToMail> Stage(WorkflowSession session, Plan plan, HashSet<string>? staff)
    {
        var actor = session.Actor;
        var now = session.Engine.Time.GetUtcNow();
        var words = NotificationText.Write(plan.Facts);
        var unnamed = NotificationText.Write(plan.Facts with { Actor = null });
        var staged = new List<ToMail>();
        foreach (var recipient in plan.Recipients
                     .Where(r => !string.IsNullOrWhiteSpace(r.Name))
                     .Select(r => r with { Name = r.Name.Trim() })
                     .Where(r => r.IsGroup || r.Name != actor.Id)
                     .Distinct())
        {
            var named = staff is null || (recipient.IsGroup ? IsStaffGroup(recipient.Name) : staff.Contains(recipient.Name));
            var notification = new Notification
            {
                Id = Guid.CreateVersion7(now),
                Recipient = recipient.Name,
                RecipientIsGroup = recipient.IsGroup,
                Kind = plan.Facts.Kind,
                Title = words.Title,
                TitleEn = words.TitleEn,
                Body = named ? words.Body : unnamed.Body,
                BodyZh = named ? words.BodyZh : unnamed.BodyZh,
                InstanceId = plan.Instance.Id,
                TaskId = plan.TaskId,
                BusinessKey = plan.Instance.BusinessKey,
                Actor = named ? actor.Id : "",
                CreatedAt = now,
            };
            db.Add(notification);
            // The actor may belong to the group they just notified; their own action is not news to them.
            if (recipient.IsGroup && actor.Groups.Contains(recipient.Name))
                db.Add(new NotificationReadMark { NotificationId = notification.Id, UserName = actor.Id, ReadAt = now });
            staged.Add(new ToMail(notification, recipient,
                NotificationText.MailBody(words.Title, notification.BodyZh!, settings.Value.PortalUrl, ListNotifications.LinkOf(notification))));
        }
        return staged;
    }

    /// <summary>Queues one e-mail per notified person who has an address. Returns how many.</summary>
    private async Task<int> QueueMailAsync(WorkflowSession session, List<ToMail> toMail, CancellationToken cancellationToken)
    {
        if (toMail.Count == 0) return 0;
        var addresses = await mailRecipients.ResolveAsync(toMail.Select(m => m.Recipient).ToHashSet(), cancellationToken);
        var now = session.Engine.Time.GetUtcNow();
        var queued = 0;
        foreach (var (notification, recipient, body) in toMail)
            foreach (var person in addresses[recipient].Where(p => p.UserName != session.Actor.Id))
            {
                db.Add(new QueuedMail
                {
                    Id = Guid.CreateVersion7(now),
                    NotificationId = notification.Id,
                    ToAddress = person.Address,
                    ToName = person.DisplayName,
                    Subject = notification.Title,
                    Body = body,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
                queued++;
            }
        return queued;
    }

    /// <summary>
    /// The sender should look as soon as the rows are visible to it, which is after the command's
    /// save. A failed save leaves nothing to send, so the hint is dropped with it.
    /// </summary>
    private void WakeSenderAfterCommit()
    {
        EventHandler<Microsoft.EntityFrameworkCore.SavedChangesEventArgs>? saved = null;
        EventHandler<Microsoft.EntityFrameworkCore.SaveChangesFailedEventArgs>? failed = null;
        saved = (_, _) =>
        {
            Unsubscribe();
            signal.Pulse();
        };
        failed = (_, _) => Unsubscribe();
        db.SavedChanges += saved;
        db.SaveChangesFailed += failed;

        void Unsubscribe()
        {
            db.SavedChanges -= saved;
            db.SaveChangesFailed -= failed;
        }
    }

    private static string ProcessName(ProcessInstance instance, ProcessDefinition? definition) => definition?.Name ?? instance.DefinitionKey;

    /// <summary>The business key people quote (e.g. APP-2026-0001), or the start of the instance id.</summary>
    private static string Reference(ProcessInstance instance) =>
        string.IsNullOrWhiteSpace(instance.BusinessKey) ? $"#{instance.Id.ToString("N")[..8]}" : instance.BusinessKey;
}
