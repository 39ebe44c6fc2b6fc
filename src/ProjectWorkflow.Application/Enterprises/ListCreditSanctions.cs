using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Enterprises;

/// <summary>
/// The credit sanctions on record: all of them for the fund's staff; for an enterprise's own users, those on their
/// enterprise and on the leaders of its projects, with dates and grounds (who recorded them stays in the audit log).
/// </summary>
public sealed class ListCreditSanctions(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<CreditSanctionView>> AllAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<CreditSanction>().AsNoTracking().ToListAsync(cancellationToken);
        return all.OrderByDescending(s => s.From).Select(RecordCreditSanction.View).ToList();
    }

    public async Task<IReadOnlyList<CreditSanctionView>> OfEnterpriseAsync(Guid enterpriseId, Actor actor, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Include(e => e.Members).FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken)
            ?? throw new NotFoundException($"There is no enterprise {enterpriseId}.", $"企业 {enterpriseId} 不存在。");
        if (!Roles.IsStaff(actor) && enterprise.Members.All(m => m.UserName != actor.Id))
            throw new ForbiddenException("An enterprise's credit record is visible to its own users and to the fund's staff only.", "企业信用记录仅对本企业用户和专项资金工作人员开放。");
        var leaders = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.EnterpriseId == enterpriseId && a.ProjectLeaderIdentity != "")
            .Select(a => a.ProjectLeaderIdentity).Distinct().ToListAsync(cancellationToken);
        var uscc = enterprise.Uscc;
        var sanctions = await db.Set<CreditSanction>().AsNoTracking()
            .Where(s => (s.SubjectKind == CreditSanction.Enterprise && s.Subject == uscc)
                        || (s.SubjectKind == CreditSanction.Leader && leaders.Contains(s.Subject)))
            .ToListAsync(cancellationToken);
        return sanctions.OrderByDescending(s => s.From).Select(RecordCreditSanction.View).ToList();
    }
}
