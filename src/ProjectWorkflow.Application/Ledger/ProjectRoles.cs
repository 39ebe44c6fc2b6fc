using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Funding.Reviews;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// Who played what on a project, from the record: the applicant is whoever created the application or acts for
/// its enterprise; experts are the panel's members; approvers completed a reviewer's or approver's task of the
/// project's processes; payers completed a finance task or approved one of its payment orders.
/// </summary>
public sealed class ProjectRoles(ProjectWorkflowDbContext db)
{
    /// <summary>The part a task's candidate groups make its completer play, if any.</summary>
    public static ProjectRole? RoleOfGroups(IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            var role = group.Split(':')[0];
            if (role == Roles.Finance) return ProjectRole.Payer;
            if (role is Roles.DeptApprover or Roles.DistrictReviewer) return ProjectRole.Approver;
            if (role == Roles.Expert) return ProjectRole.Expert;
            if (role == Roles.Enterprise) return ProjectRole.Applicant;
        }
        return null;
    }

    public async Task<IReadOnlyCollection<ProjectRole>> PlayedAsync(FundingApplication application, string person, CancellationToken cancellationToken)
    {
        var played = new HashSet<ProjectRole>();
        if (application.CreatedBy == person
            || await db.Set<EnterpriseMember>().AnyAsync(m => m.EnterpriseId == application.EnterpriseId && m.UserName == person, cancellationToken))
            played.Add(ProjectRole.Applicant);
        if (await db.Set<PanelMember>().AnyAsync(m => m.ApplicationId == application.Id && m.Expert == person && !m.Recused, cancellationToken))
            played.Add(ProjectRole.Expert);
        if (await db.Set<PaymentOrder>().AnyAsync(o => o.ApplicationId == application.Id && o.ApprovedBy == person, cancellationToken))
            played.Add(ProjectRole.Payer);
        var taskGroups = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.BusinessKey == application.Number && t.CompletedBy == person && t.Status == TaskStatuses.Completed)
            .Select(t => t.Candidates.Where(c => c.IsGroup).Select(c => c.Value).ToList())
            .ToListAsync(cancellationToken);
        foreach (var groups in taskGroups)
            if (RoleOfGroups(groups) is { } role) played.Add(role);
        return played;
    }

    /// <summary>Refuses with the RoleConflict rule when the person already played another part on the project.</summary>
    public async Task RefuseConflictAsync(FundingApplication application, string person, ProjectRole wanted, CancellationToken cancellationToken) =>
        Check.Rules(new RoleConflictRule(person, wanted, await PlayedAsync(application, person, cancellationToken)));
}
