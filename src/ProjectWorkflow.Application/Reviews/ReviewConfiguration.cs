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
        builder.Property(p => p.Field).HasMaxLength(20);
        builder.Property(p => p.Replaces).HasMaxLength(256);
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

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> builder)
    {
        builder.ToTable("ExpertProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Expert).HasMaxLength(256).IsRequired();
        builder.Property(p => p.Fields).HasMaxLength(100).IsRequired();
        builder.HasIndex(p => p.Expert).IsUnique();
        builder.Ignore(p => p.FieldList);
        builder.HasMany(p => p.Relations).WithOne().HasForeignKey(r => r.ExpertProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Relations).HasField("_relations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExpertRelationConfiguration : IEntityTypeConfiguration<ExpertRelation>
{
    public void Configure(EntityTypeBuilder<ExpertRelation> builder)
    {
        builder.ToTable("ExpertRelations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(40).IsRequired();
        builder.Property(r => r.Uscc).HasMaxLength(18);
        builder.Property(r => r.SchemeKey).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.HasIndex(r => r.Uscc);
    }
}
