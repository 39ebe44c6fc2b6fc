using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The application a process is about, found one way: by the process's business key, which is the application's
/// number. The application's own process carries it, and so does every process it calls (an installment's
/// payment) or that is started for the application (a recovery). Looks in what the DbContext already tracks first,
/// so a change made earlier in the same command is seen.
/// </summary>
public static class ApplicationOfProcess
{
    public static async Task<FundingApplication?> FindAsync(ProjectWorkflowDbContext db, string? businessKey, CancellationToken cancellationToken, bool track = true)
    {
        if (businessKey is null) return null;
        if (!track) return await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Number == businessKey, cancellationToken);
        return db.Set<FundingApplication>().Local.FirstOrDefault(a => a.Number == businessKey)
            ?? await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Number == businessKey, cancellationToken);
    }
}
