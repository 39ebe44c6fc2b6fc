using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

public sealed record ApplicationSummary(Guid Id, string Number, string SchemeKey, int Year, string Uscc, string ProjectName, string Status, string? Stage, long TotalInvestmentFen, long? ApprovedAmountFen, DateTimeOffset UpdatedAt);

/// <summary>Applications: an enterprise's own; every one (filtered) for the fund's staff.</summary>
public sealed class ListApplications(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<ApplicationSummary>> HandleAsync(string? schemeKey, string? status, int? skip, int? take, Actor actor, CancellationToken cancellationToken)
    {
        var size = take ?? 100;
        if (size is < 1 or > 500) throw InvalidRequestException.For("take", "Take between 1 and 500 at a time.", "每次可取 1 至 500 条。");
        var query = db.Set<FundingApplication>().AsNoTracking();
        if (!Roles.IsStaff(actor))
        {
            var mine = await db.Set<EnterpriseMember>().Where(m => m.UserName == actor.Id).Select(m => (Guid?)m.EnterpriseId).FirstOrDefaultAsync(cancellationToken);
            if (mine is null) return [];
            query = query.Where(a => a.EnterpriseId == mine);
        }
        if (!string.IsNullOrWhiteSpace(schemeKey)) query = query.Where(a => a.SchemeKey == schemeKey);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!ApplicationStatusText.TryParse(status, out var wanted)) return [];
            query = query.Where(a => a.Status == wanted);
        }
        return await query.OrderByDescending(a => a.Number).Skip(Math.Max(0, skip ?? 0)).Take(size)
            .Select(a => new ApplicationSummary(a.Id, a.Number, a.SchemeKey, a.Year, a.Uscc, a.ProjectName, ApplicationStatusText.Of(a.Status), a.Stage,
                a.EquipmentFen + a.SoftwareFen + a.ConstructionFen + a.OtherFen, a.ApprovedAmountFen, a.UpdatedAt))
            .ToListAsync(cancellationToken);
    }
}
