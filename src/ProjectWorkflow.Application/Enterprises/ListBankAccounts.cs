using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>
/// An enterprise's bank accounts (registered, asked for, rejected, replaced), for its own users and the fund's staff,
/// and the requests waiting for a decision. Numbers are masked except for the enterprise's own users and finance officers.
/// </summary>
public sealed class ListBankAccounts(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<BankAccountView>> OfEnterpriseAsync(Guid enterpriseId, Actor actor, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Include(e => e.Members).FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken)
            ?? throw new NotFoundException($"There is no enterprise {enterpriseId}.", $"企业 {enterpriseId} 不存在。");
        var own = enterprise.Members.Any(m => m.UserName == actor.Id);
        if (!own && !Roles.IsStaff(actor))
            throw new ForbiddenException("An enterprise's bank accounts are visible to its own users and to the fund's staff only.", "企业收款账户仅对本企业用户和专项资金工作人员开放。");
        var accounts = await db.Set<EnterpriseBankAccount>().AsNoTracking().Where(a => a.EnterpriseId == enterpriseId)
            .OrderByDescending(a => a.RequestedAt).ToListAsync(cancellationToken);
        return accounts.Select(a => BankAccountView.Of(a, enterprise.Name, own || AccountNumbers.ShownInFullTo(actor))).ToList();
    }

    public async Task<IReadOnlyList<BankAccountView>> PendingAsync(Actor actor, CancellationToken cancellationToken)
    {
        var pending = await db.Set<EnterpriseBankAccount>().AsNoTracking().Where(a => a.Status == BankAccountStatus.Pending)
            .OrderBy(a => a.RequestedAt).ToListAsync(cancellationToken);
        var ids = pending.Select(a => a.EnterpriseId).Distinct().ToList();
        var names = await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return pending.Select(a => BankAccountView.Of(a, names.GetValueOrDefault(a.EnterpriseId, ""), AccountNumbers.ShownInFullTo(actor))).ToList();
    }
}
