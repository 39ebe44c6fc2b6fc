using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.ProjectPool;

public sealed record ProjectPoolEntryView(Guid Id, string Uscc, string ProjectName, int PoolYear, string? District, DateTimeOffset ImportedAt, string ImportedBy, Guid ImportId);

/// <summary>The project pool's register as staff read it, by enterprise (USCC) or pool year.</summary>
public sealed class ListProjectPool(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<ProjectPoolEntryView>> HandleAsync(string? uscc, int? year, int? skip, int? take, CancellationToken cancellationToken)
    {
        if (skip is < 0) throw InvalidRequestException.For("skip", "skip cannot be negative.", "skip 不能为负数。");
        if (take is < 1 or > 500) throw InvalidRequestException.For("take", "take is 1 to 500.", "take 须为 1 至 500。");
        if (uscc is { Length: > 18 }) throw InvalidRequestException.For("uscc", "A USCC is 18 characters.", "统一社会信用代码为 18 位。");
        var query = db.Set<ProjectPoolEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(uscc)) query = query.Where(e => e.Uscc == uscc.Trim().ToUpperInvariant());
        if (year is { } y) query = query.Where(e => e.PoolYear == y);
        return await query.OrderByDescending(e => e.PoolYear).ThenBy(e => e.Uscc).ThenBy(e => e.ProjectName)
            .Skip(skip ?? 0).Take(take ?? 100)
            .Select(e => new ProjectPoolEntryView(e.Id, e.Uscc, e.ProjectName, e.PoolYear, e.District, e.ImportedAt, e.ImportedBy, e.ImportId))
            .ToListAsync(cancellationToken);
    }
}
