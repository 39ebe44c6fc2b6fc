using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

public sealed record ExpertRelationView(long Id, string Kind, string? Uscc, string? SchemeKey, int? Year, DateOnly? EndedOn, string? Note);

/// <summary>An expert of the pool; <c>drawable</c> is false when the account lost the expert role or is locked.</summary>
public sealed record ExpertView(string Expert, IReadOnlyList<string> Fields, bool Drawable, IReadOnlyList<ExpertRelationView> Relations, DateTimeOffset UpdatedAt)
{
    public static ExpertView Of(ExpertProfile p, bool drawable) => new(p.Expert, p.FieldList, drawable,
        p.Relations.OrderBy(r => r.Id).Select(r => new ExpertRelationView(r.Id, r.Kind, r.Uscc, r.SchemeKey, r.Year, r.EndedOn, r.Note)).ToList(), p.UpdatedAt);
}

/// <summary>The expert pool with each expert's fields and relations (the department and administrators keep it; auditors read it).</summary>
public sealed class ListExperts(ProjectWorkflowDbContext db, ExpertPool pool, TimeProvider time)
{
    public async Task<IReadOnlyList<ExpertView>> HandleAsync(CancellationToken cancellationToken)
    {
        var active = (await pool.ActiveExpertsAsync(time.GetUtcNow(), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var profiles = await db.Set<ExpertProfile>().AsNoTracking().Include(p => p.Relations).OrderBy(p => p.Expert).ToListAsync(cancellationToken);
        return profiles.Select(p => ExpertView.Of(p, active.Contains(p.Expert))).ToList();
    }
}
