using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Deputies;

public sealed record NameDeputyRequest(string? Deputy, DateTimeOffset? From, DateTimeOffset? Until, string? Reason);

public sealed record DeputyshipView(Guid Id, string UserName, string Deputy, DateTimeOffset From, DateTimeOffset Until, string? Reason, bool Active);

/// <summary>
/// 代理 / out of office: a member of the fund's acting staff names a colleague who stands in for them for a period (at most
/// a year, not overlapping another of theirs). The deputy must be an active member of staff who shares one of their acting
/// roles (a reviewer for a reviewer): nobody outside the fund, and nobody who could not hold their tasks. Whether the
/// deputy plays another part on a task's project is checked as each task arrives (the RoleConflict rule): such a task is
/// not shared, and the journal says why. Audited as <c>deputy.named</c>.
/// </summary>
public sealed class NameDeputy(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public const int MaxReasonLength = 500;
    public static readonly TimeSpan LongestAbsence = TimeSpan.FromDays(366);

    public async Task<DeputyshipView> HandleAsync(NameDeputyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var mine = Roles.ActingStaff.Where(actor.Groups.Contains).ToList();
        if (mine.Count == 0)
            throw new ForbiddenException("Deputies stand in for the fund's acting staff (reviewers, approvers, finance officers, administrators).", "只有经办人员（区级初审、市经信委审批、财政拨付、系统管理员）可以指定代理人。");
        var now = time.GetUtcNow();
        var name = Person.RequireName(request.Deputy, "deputy", "Name the colleague who stands in for you, by user name.", "请填写代理您办理的同事的用户名。");
        var from = request.From ?? now;
        if (request.Until is not { } until)
            throw InvalidRequestException.For("until", "Say until when the deputy stands in for you.", "请填写代理截止时间。");
        if (until <= from || until <= now)
            throw InvalidRequestException.For("until", "The end of the absence must come after its start and after now.", "代理截止时间须晚于开始时间和当前时间。");
        if (until - from > LongestAbsence)
            throw InvalidRequestException.For("until", "A deputy stands in for at most a year.", "代理期限最长一年。");
        if (request.Reason is { Length: > MaxReasonLength })
            throw InvalidRequestException.For("reason", $"The reason has at most {MaxReasonLength} characters.", $"原因最多 {MaxReasonLength} 个字符。");

        var deputy = await Person.FindAsync(db, name, now, cancellationToken)
            ?? throw InvalidRequestException.For("deputy", $"There is no user named '{name}'.", $"用户“{name}”不存在。");
        if (string.Equals(deputy.UserName, actor.Id, StringComparison.Ordinal))
            throw InvalidRequestException.For("deputy", "You cannot stand in for yourself.", "不能指定本人为代理人。");
        if (!deputy.Active)
            throw InvalidRequestException.For("deputy", $"{deputy.UserName}'s account is locked or disabled, so they cannot take work.", $"{deputy.UserName}的账户已锁定或停用，不能代理。");
        if (!mine.Any(deputy.Roles.Contains))
            throw InvalidRequestException.For("deputy",
                $"{deputy.UserName} cannot stand in for you: a deputy must hold one of your roles ({string.Join(", ", mine)}) to hold your tasks; an applicant, expert or provider never does.",
                $"{deputy.UserName}不能代理您：代理人须具有您的岗位角色（{string.Join("、", mine)}）之一；申报单位、评审专家和服务机构不能代理。");
        if (await db.Set<Deputyship>().AnyAsync(d => d.UserName == actor.Id && d.EndedAt == null && d.From < until && from < d.Until, cancellationToken))
            throw new ConflictException("You already have a deputy for part of this period: end it first.", "您在此期间已有代理人（时段重叠），请先结束原有代理。");

        var deputyship = new Deputyship
        {
            Id = Guid.NewGuid(),
            UserName = actor.Id,
            Deputy = deputy.UserName,
            From = from.ToUniversalTime(),
            Until = until.ToUniversalTime(),
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            CreatedAt = now,
        };
        db.Add(deputyship);
        audit.Record("deputy.named", "user", actor.Id, deputyship.Reason, detail: $"{deputyship.Deputy} from {deputyship.From:O} until {deputyship.Until:O}");
        await db.SaveChangesAsync(cancellationToken);
        return ViewOf(deputyship, now);
    }

    public static DeputyshipView ViewOf(Deputyship d, DateTimeOffset now) => new(d.Id, d.UserName, d.Deputy, d.From, d.Until, d.Reason, d.IsActiveAt(now));
}
