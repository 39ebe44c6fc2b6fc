using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Schemes;

internal sealed class SchemeRecordConfiguration : IEntityTypeConfiguration<SchemeRecord>
{
    public void Configure(EntityTypeBuilder<SchemeRecord> builder)
    {
        builder.ToTable("Schemes");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.NameZh).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ProcessKey).HasMaxLength(255).IsRequired();
        builder.HasMany(s => s.RuleSets).WithOne().HasForeignKey(r => r.SchemeKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RuleSetRecordConfiguration : IEntityTypeConfiguration<RuleSetRecord>
{
    public void Configure(EntityTypeBuilder<RuleSetRecord> builder)
    {
        builder.ToTable("RuleSets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Document).IsRequired();
        builder.Property(r => r.AddedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.SchemeKey, r.Year }).IsUnique();
    }
}
