using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Funding.Reviews;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// Who may see an application: its enterprise's users; the fund's staff; an expert only on its panel, after
/// declaring no conflict of interest (assigned files only). Only its enterprise's users may change it.
/// </summary>
public sealed class ApplicationAccess(ProjectWorkflowDbContext db)
{
    public async Task<FundingApplication> ReadableAsync(Guid id, Actor actor, CancellationToken cancellationToken, bool track = false)
    {
        var application = await Find(id, track, cancellationToken);
        if (await IsMemberAsync(application, actor, cancellationToken) || Roles.IsStaff(actor)) return application;
        // An expert sees the file only on its panel, only after declaring no conflict of interest, never once recused,
        // and only while the panel sits (some expert's review is still open).
        if (actor.Groups.Contains(Roles.Expert) &&
            await db.Set<PanelMember>().AnyAsync(p => p.ApplicationId == application.Id && p.Expert == actor.Id && p.DeclaredAt != null && !p.Recused, cancellationToken) &&
            await PanelSitsAsync(application, cancellationToken))
            return application;
        throw new ForbiddenException("This application is visible to its enterprise, the fund's staff and the experts assigned to it.", "此申报仅对申报企业、专项资金工作人员和分配到该项目的评审专家开放。");
    }

    /// <summary>The panel sits while one of its experts' reviews is open; after it concludes, the file closes to the experts.</summary>
    public Task<bool> PanelSitsAsync(FundingApplication application, CancellationToken cancellationToken) =>
        db.Set<TaskRecord>().AnyAsync(t => t.InstanceId == application.InstanceId && t.ElementId == PanelReview.ReviewElementId && t.Status == TaskStatuses.Open, cancellationToken);

    /// <summary>The applicant's own view (its timeline): the enterprise's users and the fund's staff, not experts.</summary>
    public async Task<FundingApplication> ApplicantOrStaffAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var application = await Find(id, track: false, cancellationToken);
        if (Roles.IsStaff(actor) || await IsMemberAsync(application, actor, cancellationToken)) return application;
        throw new ForbiddenException("An application's timeline is visible to its enterprise and the fund's staff.", "申报进度仅对申报企业和专项资金工作人员开放。");
    }

    public async Task<FundingApplication> OwnedAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var application = await Find(id, track: true, cancellationToken);
        if (!await IsMemberAsync(application, actor, cancellationToken))
            throw new ForbiddenException("Only the users of the applying enterprise can change its application.", "只有申报企业的用户才能修改本申报。");
        return application;
    }

    private Task<FundingApplication> Find(Guid id, bool track, CancellationToken cancellationToken) => FindAsync(db, id, track, cancellationToken);

    /// <summary>The application, or a not-found refusal; for the staff's use cases, whose role the route checks.</summary>
    public static async Task<FundingApplication> FindAsync(ProjectWorkflowDbContext db, Guid id, bool track, CancellationToken cancellationToken)
    {
        var query = track ? db.Set<FundingApplication>() : db.Set<FundingApplication>().AsNoTracking();
        return await query.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no application {id}.", $"申报 {id} 不存在。");
    }

    private Task<bool> IsMemberAsync(FundingApplication application, Actor actor, CancellationToken cancellationToken) =>
        db.Set<EnterpriseMember>().AnyAsync(m => m.EnterpriseId == application.EnterpriseId && m.UserName == actor.Id, cancellationToken);
}
