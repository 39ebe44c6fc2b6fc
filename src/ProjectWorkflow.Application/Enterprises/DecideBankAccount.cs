using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Enterprises;

public sealed record DecideBankAccountRequest(bool? Approve, string? Reason);

/// <summary>
/// Finance or an administrator, never the one who asked, approves an enterprise's bank account request (it becomes
/// the registered account, replacing the previous one) or rejects it with a reason. Audited either way.
/// </summary>
public sealed class DecideBankAccount(ProjectWorkflowDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<BankAccountView> HandleAsync(Guid enterpriseId, Guid accountId, DecideBankAccountRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Approve is not { } approve)
            throw InvalidRequestException.For("approve", "Say whether the account is approved (true) or rejected (false).", "请选择是否通过该收款账户申请。");
        var reason = request.Reason?.Trim();
        if (!approve && string.IsNullOrEmpty(reason))
            throw InvalidRequestException.For("reason", "Say why the account is rejected; the enterprise reads it.", "请说明驳回理由。");
        if (reason is { Length: > 1000 }) throw InvalidRequestException.For("reason", "At most 1,000 characters.", "理由最多 1000 个字符。");

        var account = await db.Set<EnterpriseBankAccount>().FirstOrDefaultAsync(a => a.Id == accountId && a.EnterpriseId == enterpriseId, cancellationToken)
            ?? throw new NotFoundException($"Enterprise {enterpriseId} has no bank account request {accountId}.", $"企业 {enterpriseId} 没有收款账户申请 {accountId}。");
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Include(e => e.Members).FirstAsync(e => e.Id == enterpriseId, cancellationToken);
        if (!account.IsPending)
            throw new ConflictException($"This bank account request is already {BankAccountStatusText.Of(account.Status)} ({account.DecidedBy}, {account.DecidedAt:u}).", $"该收款账户申请已处理（{(account.Status == BankAccountStatus.Rejected ? "未通过" : account.Status == BankAccountStatus.Replaced ? "已更换" : "已登记")}，{account.DecidedBy}，{account.DecidedAt:u}），不能再次审核。");

        var now = time.GetUtcNow();
        try
        {
            // Someone who acts for the enterprise never decides its account, whatever other role they hold (the account's own rule).
            if (approve) account.Approve(actor.Id, enterprise.HasMember(actor.Id), now, reason);
            else account.Reject(actor.Id, enterprise.HasMember(actor.Id), reason!, now);
        }
        catch (FundingRuleBrokenException)
        {
            audit.Record(approve ? "bank-account.change-approved" : "bank-account.change-rejected", "enterprise-bank-account", account.Id.ToString(),
                outcome: AuditOutcomes.Refused, reason: "the requester (or a user of the enterprise) cannot decide the request");
            await db.SaveChangesAsync(cancellationToken);
            throw;
        }
        if (approve)
        {
            var previous = await db.Set<EnterpriseBankAccount>()
                .Where(a => a.EnterpriseId == enterpriseId && a.Status == BankAccountStatus.Approved && a.Id != account.Id).ToListAsync(cancellationToken);
            foreach (var old in previous) old.Replace();
        }
        audit.Record(approve ? "bank-account.change-approved" : "bank-account.change-rejected", "enterprise-bank-account", account.Id.ToString(),
            reason: reason, detail: $"{enterprise.Name}: {account.BankName} {BankAccountNumber.Mask(account.AccountNumber)}, requested by {account.RequestedBy}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone decided this enterprise's bank account at the same moment; reload it.", "他人同时审核了该企业的收款账户申请，请刷新页面后查看。");
        }
        return BankAccountView.Of(account, enterprise.Name, AccountNumbers.ShownInFullTo(actor));
    }

    public static readonly string[] Deciders = [Roles.Finance, Roles.Admin];
}
