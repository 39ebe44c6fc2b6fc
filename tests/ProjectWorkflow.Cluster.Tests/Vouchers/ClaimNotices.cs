using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Cluster.Tests.Vouchers;

/// <summary>
/// The claims' public notices ended inside the quarter that has ended, as time would have left them (set straight on the
/// rows): the quarter's settlement run takes them. Moving the nodes' clock past the quarter's end instead would move every
/// other timer of the run by weeks.
/// </summary>
internal static class ClaimNotices
{
    public static Task EndInTheQuarterThatEndedAsync(TwoNodes cluster, IReadOnlyCollection<Guid> claims, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var quarterThatEnded = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3);
        return cluster.QueryAsync(async db =>
        {
            foreach (var claim in await db.Set<RedemptionClaim>().Where(c => claims.Contains(c.Id)).ToListAsync())
                db.Entry(claim).Property(c => c.NoticeEndsOn).CurrentValue = quarterThatEnded.AddDays(10);
            return await db.SaveChangesAsync();
        });
    }
}
