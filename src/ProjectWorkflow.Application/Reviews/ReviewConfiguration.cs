using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.ToTable("PanelMembers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Expert).HasMaxLength(256).IsRequired();
        builder.Property(p => p.RecusalReason).HasMaxLength(1000);
        builder.Property(p => p.Points).HasMaxLength(2000);
        builder.Property(p => p.Total).HasPrecision(9, 2);
        builder.Property(p => p.Comment).HasMaxLength(4000);
        builder.HasIndex(p => new { p.ApplicationId, p.Expert }).IsUnique();
    }
}

internal sealed class ObjectionRecordConfiguration : IEntityTypeConfiguration<ObjectionRecord>
{
    public void Configure(EntityTypeBuilder<ObjectionRecord> builder)
    {
        builder.ToTable("Objections");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.ObjectorName).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ObjectorOrganisation).HasMaxLength(300);
        builder.Property(o => o.FiledBy).HasMaxLength(256).IsRequired();
        builder.Property(o => o.Content).HasMaxLength(8000).IsRequired();
        builder.HasIndex(o => o.ApplicationId);
    }
}
