using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Workflows.Tasks;

/// <summary>
/// Who may press a task's button, and who the task may be handed to. The engine checks that the caller holds
/// the task (claim, complete, delegate, transfer, add signers, send back); these are the checks it cannot make
/// because they need the people and the project: they run before the engine does, and a refusal changes nothing.
/// <list type="bullet">
/// <item>remind (催办): an administrator, or the fund's acting staff of that stage (a candidate, the holder or
/// owner) or who acted earlier on the file. Auditors, applicants, experts and providers do not remind.</item>
/// <item>copy to (抄送): the person holding the task, to existing, active fund staff with no part on the project
/// as applicant or expert.</item>
/// <item>delegate, transfer, add signers: to an existing, active person who could hold the task (one of its
/// candidate users or groups; for a task that names none, someone who shares a role with its holder, and on a
/// funding project an applicant's task only to that enterprise's users), who plays no other part on the project
/// (the RoleConflict rule); an expert's drawn review is never handed on.</item>
/// <item>claim or complete a task that names no candidate: someone who may read its instance.</item>
/// </list>
/// </summary>
public sealed class TaskPermissions(ProjectWorkflowDbContext db, ProjectRoles projectRoles, InstanceAccess instances, TimeProvider time)
{
    /// <summary>Identity's user name column; no name longer than it can belong to anyone.</summary>
    public const int MaxUserNameLength = 256;

    /// <summary>Claim or complete: the person holding the task, or one of its candidates, whatever the task's state.</summary>
    public async Task RequireMayClaimAsync(TaskRecord task, Actor actor, CancellationToken cancellationToken)
    {
        if (task.Assignee == actor.Id || task.Owner == actor.Id) return;
        var candidateGroups = task.Candidates.Where(c => c.IsGroup).Select(c => c.Value).ToList();
        if (task.Candidates.Any(c => !c.IsGroup && c.Value == actor.Id) || actor.InAnyGroup(candidateGroups)) return;
        if (task.Assignee is not null || task.Candidates.Count > 0)
            throw WorkflowException.Forbidden("You are not among the task's candidate users or groups, nor the person holding it.", "您不是该任务的候选人或候选组成员，也不是其办理人。");
        await instances.RequireReadableAsync(task.InstanceId, actor, cancellationToken);
    }

    public async Task RequireMayRemindAsync(TaskRecord task, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Groups.Contains(Roles.Admin)) return;
        if (!Roles.ActingStaff.Any(actor.Groups.Contains))
            throw WorkflowException.Forbidden("Reminders (催办) are sent by the fund's staff working on the file, not by applicants, experts, providers or auditors.", "催办由经办该事项的专项资金工作人员发起；申报企业、评审专家、服务机构和审计人员不能催办。");
        var me = actor.Id;
        if (task.Assignee == me || task.Owner == me || task.Candidates.Any(c => c.IsGroup ? actor.Groups.Contains(c.Value) : c.Value == me)) return;
        var actedEarlier = await db.Set<TaskRecord>().AsNoTracking().AnyAsync(t => t.CompletedBy == me &&
            (t.InstanceId == task.InstanceId || (task.BusinessKey != null && t.BusinessKey == task.BusinessKey)), cancellationToken);
        if (!actedEarlier)
            throw WorkflowException.Forbidden("Only staff of this stage (its candidates) or who acted earlier on this file can send a reminder.", "只有本环节的工作人员（候选人）或此前经办过该事项的人员才能催办。");
    }

    /// <summary>Delegate, transfer, add signers, copy to: only the person holding the task (the engine checks it again).</summary>
    /// <param name="what">The refused action in English, with its object ("transfer it").</param>
    /// <param name="whatZh">The same action in Chinese ("转办此任务").</param>
    public static void RequireHolder(TaskRecord task, Actor actor, string what, string whatZh)
    {
        if (task.Assignee == actor.Id) return;
        throw task.Assignee is null
            ? WorkflowException.Forbidden($"Claim the task before you {what}.", $"请先认领任务，再{whatZh}。")
            : WorkflowException.Forbidden($"Only {task.Assignee}, who holds the task, can {what}.", $"该任务由 {task.Assignee} 办理，只有其本人才能{whatZh}。");
    }

    /// <summary>The people a task is handed to (delegate, transfer, add signers), by their exact user names; refuses with the reason.</summary>
    public async Task<IReadOnlyList<string>> RequireCanHoldAsync(TaskRecord task, IReadOnlyList<string> names, string field, Actor actor, CancellationToken cancellationToken)
    {
        var people = await FindActiveAsync(names, field, cancellationToken);
        var application = await ApplicationOfAsync(task, cancellationToken);
        var groups = task.Candidates.Where(c => c.IsGroup).Select(c => c.Value).ToList();
        var users = task.Candidates.Where(c => !c.IsGroup).Select(c => c.Value).ToList();
        foreach (var person in people)
        {
            var couldHold = groups.Count + users.Count == 0
                ? person.Roles.Any(actor.Groups.Contains)
                : users.Contains(person.UserName, StringComparer.Ordinal) || person.Roles.Any(groups.Contains);
            if (!couldHold)
                throw InvalidRequestException.For(field, groups.Count + users.Count == 0
                    ? $"{person.UserName} cannot take this task: they have none of the roles of the person holding it."
                    : $"{person.UserName} cannot take this task: it is for {string.Join(", ", groups.Concat(users))}.",
                    groups.Count + users.Count == 0
                    ? $"{person.UserName}不能接办此任务：其不具有当前办理人的任何角色。"
                    : $"{person.UserName}不能接办此任务：此任务由 {string.Join("、", groups.Concat(users))} 办理。");
            if (application is null) continue;
            var part = ProjectRoles.RoleOfGroups(groups) ?? ProjectRoles.RoleOfGroups(person.Roles);
            if (part is null) continue;
            var played = await projectRoles.PlayedAsync(application, person.UserName, cancellationToken);
            if (part == ProjectRole.Expert)
                throw InvalidRequestException.For(field, "An expert's review is drawn for that expert and cannot be handed on; declare a conflict to recuse instead.", "专家评审任务由抽取的专家本人办理，不能转交；如需回避，请声明利益冲突。");
            if (part == ProjectRole.Applicant && !played.Contains(ProjectRole.Applicant))
                throw InvalidRequestException.For(field, $"{person.UserName} does not act for the applying enterprise, so cannot take its task.", $"{person.UserName}不是申报企业的用户，不能接办该企业的任务。");
            Check.Rules(new RoleConflictRule(person.UserName, part.Value, played));
        }
        return people.Select(p => p.UserName).ToList();
    }

    /// <summary>The people a task is copied to: existing, active fund staff with no part on the project as applicant or expert.</summary>
    public async Task<IReadOnlyList<string>> RequireMayFollowAsync(TaskRecord task, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var people = await FindActiveAsync(names, "users", cancellationToken);
        var application = await ApplicationOfAsync(task, cancellationToken);
        foreach (var person in people)
        {
            if (!Roles.IsStaff(new Actor(person.UserName, person.Roles)))
                throw InvalidRequestException.For("users", $"{person.UserName} is not on the fund's staff: a file is copied only to staff, who may read it.", $"{person.UserName}不是专项资金工作人员：办理材料只抄送给有权查阅的工作人员。");
            if (application is null) continue;
            var played = await projectRoles.PlayedAsync(application, person.UserName, cancellationToken);
            if (played.Contains(ProjectRole.Applicant) || played.Contains(ProjectRole.Expert))
                throw InvalidRequestException.For("users", $"{person.UserName} is the applicant or an expert on this project and cannot follow its internal file.", $"{person.UserName}是本项目的申报企业用户或评审专家，不能接收其内部办理材料的抄送。");
        }
        return people.Select(p => p.UserName).ToList();
    }

    private sealed record Person(string UserName, IReadOnlyList<string> Roles);

    private async Task<IReadOnlyList<Person>> FindActiveAsync(IReadOnlyList<string> names, string field, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length > MaxUserNameLength || name.Any(char.IsControl))
                throw InvalidRequestException.For(field, $"A user name has at most {MaxUserNameLength} characters and no control characters.", $"用户名最多 {MaxUserNameLength} 个字符，且不能含控制字符。");
            var normalized = name.ToUpperInvariant();
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
                .Select(u => new { u.Id, u.UserName, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken)
                ?? throw InvalidRequestException.For(field, $"There is no user named '{name}'.", $"用户“{name}”不存在。");
            if (user.LockoutEnd is { } lockedUntil && lockedUntil > time.GetUtcNow())
                throw InvalidRequestException.For(field, $"{user.UserName}'s account is locked or disabled, so they cannot take work.", $"{user.UserName}的账户已锁定或停用，不能接办任务。");
            var roles = await (from link in db.UserRoles
                               join role in db.Roles on link.RoleId equals role.Id
                               where link.UserId == user.Id
                               select role.Name!).ToListAsync(cancellationToken);
            // A colleague acting for the same enterprise can take the enterprise's step.
            roles.AddRange(await EnterpriseGroups.OfUserAsync(db, user.UserName!, cancellationToken));
            if (people.All(p => p.UserName != user.UserName)) people.Add(new Person(user.UserName!, roles));
        }
        return people;
    }

    private Task<FundingApplication?> ApplicationOfAsync(TaskRecord task, CancellationToken cancellationToken) =>
        ApplicationOfProcess.FindAsync(db, task.BusinessKey, cancellationToken, track: false);
}
