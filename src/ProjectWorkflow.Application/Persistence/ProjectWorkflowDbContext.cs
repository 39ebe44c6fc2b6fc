using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Idempotency;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// The one DbContext: identity, engine state and domain state live together so that a
/// command and its effects commit in one transaction. Provider-agnostic: the provider and
/// its migrations assembly are chosen in <see cref="DatabaseProvider"/>.
/// </summary>
public class ProjectWorkflowDbContext : IdentityDbContext<PortalUser>
{
    private readonly AuditChain? audit;

    /// <summary>Without the audit chain: migrations tooling and tests that set up or tamper with rows directly.</summary>
    public ProjectWorkflowDbContext(DbContextOptions<ProjectWorkflowDbContext> options) : base(options)
    {
    }

    /// <summary>The app's context: every save appends the scope's audit entries in its own transaction.</summary>
    public ProjectWorkflowDbContext(DbContextOptions<ProjectWorkflowDbContext> options, AuditChain audit) : base(options) => this.audit = audit;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        audit is null
            ? base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : audit.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        audit is null
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : audit.SaveAsync(this, _ => Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess)), CancellationToken.None).GetAwaiter().GetResult();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF stores DateTimeOffset as text, which it cannot order or compare
        // (the inbox sorts by due date, the sweep finds due timers). Ticks in UTC can be.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // PostgreSQL's timestamptz takes UTC only; a moment computed in Shanghai time (a deadline, a due date) is
        // the same moment in UTC, so it is stored as such rather than refused.
        else if (Database.IsNpgsql())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InUtc>();
    }

    private sealed class InUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(moment => moment.ToUniversalTime(), moment => moment);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProjectWorkflowDbContext).Assembly);
    }
}
