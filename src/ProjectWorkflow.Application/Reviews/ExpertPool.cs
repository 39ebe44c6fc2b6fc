using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Reviews;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Application.Reviews;

/// <summary>
/// The pool as a draw sees it: the enrolled experts who still hold the expert role and may sign in, less those
/// seated or recused on the file and those who play another part on the project (applicant, approver, payer).
/// The lot is <see cref="IPanelLottery"/> (a cryptographic one in the app; tests give their own).
/// </summary>
public sealed class ExpertPool(ProjectWorkflowDbContext db, ProjectRoles projectRoles, IPanelLottery lottery, TimeProvider time)
{
    /// <param name="seats">Every seat of the file, recused ones included, as tracked in this unit of work.</param>
    public async Task<IReadOnlyList<DrawnSeat>> DrawAsync(FundingApplication application, PanelRule rule, IReadOnlyDictionary<string, int> vacancies,
        IReadOnlyCollection<PanelMember> seats, CancellationToken cancellationToken)
    {
        if (vacancies.Values.Sum() == 0) return [];
        var now = time.GetUtcNow();
        var experts = await ActiveExpertsAsync(now, cancellationToken);
        var profiles = await db.Set<ExpertProfile>().Include(p => p.Relations).Where(p => experts.Contains(p.Expert)).ToListAsync(cancellationToken);
        var excluded = seats.Select(s => s.Expert).ToHashSet(StringComparer.Ordinal);
        foreach (var profile in profiles.Where(p => !excluded.Contains(p.Expert)))
            if ((await projectRoles.PlayedAsync(application, profile.Expert, cancellationToken)).Any(r => r != ProjectRole.Expert))
                excluded.Add(profile.Expert);
        var file = new PanelFile(application.Uscc, application.SchemeKey, application.Year, ShanghaiDate.Of(now), rule.ConflictLookbackYears);
        return PanelDraw.Draw(vacancies, profiles, file, excluded, lottery);
    }

    /// <summary>User names holding the expert role whose account is not locked.</summary>
    public async Task<List<string>> ActiveExpertsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await (from user in db.Users
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where role.Name == Roles.Expert
                select new { user.UserName, user.LockoutEnd }).ToListAsync(cancellationToken))
        .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Select(u => u.UserName!).ToList();
}
