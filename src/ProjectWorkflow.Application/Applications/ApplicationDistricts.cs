using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// Which district (区) an application belongs to: the district its project is entered under in the project pool's
/// register (项目库), matched as a submission is (the enterprise's USCC and the project's normalised name). An
/// application whose project the register gives no district has none.
/// </summary>
public static class ApplicationDistricts
{
    /// <summary>The districts the register names, for a filter's choices.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(ProjectWorkflowDbContext db, CancellationToken cancellationToken) =>
        await db.Set<ProjectPoolEntry>().AsNoTracking().Where(e => e.District != null).Select(e => e.District!).Distinct()
            .OrderBy(d => d).Take(200).ToListAsync(cancellationToken);

    /// <summary>The numbers of the submitted applications whose project the register puts in <paramref name="district"/>.</summary>
    public static async Task<IReadOnlyList<string>> NumbersInAsync(ProjectWorkflowDbContext db, string district, CancellationToken cancellationToken)
    {
        var entries = await db.Set<ProjectPoolEntry>().AsNoTracking().Where(e => e.District == district)
            .Select(e => new { e.Uscc, e.NormalisedName }).ToListAsync(cancellationToken);
        if (entries.Count == 0) return [];
        var usccs = entries.Select(e => e.Uscc).Distinct().ToList();
        var projects = entries.Select(e => (e.Uscc, e.NormalisedName)).ToHashSet();
        var applications = await db.Set<FundingApplication>().AsNoTracking().Where(a => usccs.Contains(a.Uscc) && a.SubmittedAt != null)
            .Select(a => new { a.Number, a.Uscc, a.ProjectName }).ToListAsync(cancellationToken);
        return applications.Where(a => projects.Contains((a.Uscc, ProjectFingerprint.Normalise(a.ProjectName)))).Select(a => a.Number).ToList();
    }

    /// <summary>The district of each of these applications (by number) that the register names one for.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(ProjectWorkflowDbContext db, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        if (numbers.Count == 0) return new Dictionary<string, string>();
        var applications = await db.Set<FundingApplication>().AsNoTracking().Where(a => numbers.Contains(a.Number))
            .Select(a => new { a.Number, a.Uscc, a.ProjectName }).ToListAsync(cancellationToken);
        var usccs = applications.Select(a => a.Uscc).Distinct().ToList();
        var entries = await db.Set<ProjectPoolEntry>().AsNoTracking().Where(e => usccs.Contains(e.Uscc) && e.District != null)
            .Select(e => new { e.Uscc, e.NormalisedName, e.District }).ToListAsync(cancellationToken);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in applications)
        {
            var name = ProjectFingerprint.Normalise(a.ProjectName);
            if (entries.FirstOrDefault(e => e.Uscc == a.Uscc && e.NormalisedName == name) is { } entry) result[a.Number] = entry.District!;
        }
        return result;
    }
}
