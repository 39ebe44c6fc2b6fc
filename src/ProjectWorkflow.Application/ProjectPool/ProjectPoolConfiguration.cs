using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.ProjectPool;

internal sealed class ProjectPoolEntryConfiguration : IEntityTypeConfiguration<ProjectPoolEntry>
{
    public void Configure(EntityTypeBuilder<ProjectPoolEntry> builder)
    {
        builder.ToTable("ProjectPoolEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Uscc).HasMaxLength(18).IsRequired();
        builder.Property(e => e.ProjectName).HasMaxLength(ProjectPoolEntry.NameLength).IsRequired();
        builder.Property(e => e.NormalisedName).HasMaxLength(ProjectPoolEntry.NameLength).IsRequired();
        builder.Property(e => e.District).HasMaxLength(ProjectPoolEntry.DistrictLength);
        builder.Property(e => e.ImportedBy).HasMaxLength(256).IsRequired();
        // One entry per enterprise, project and pool year: importing the same sheet again changes nothing.
        builder.HasIndex(e => new { e.Uscc, e.NormalisedName, e.PoolYear }).IsUnique();
        // The inbox's district filter starts from one district's entries (docs/benchmarks.md, "Inbox").
        builder.HasIndex(e => e.District);
    }
}
