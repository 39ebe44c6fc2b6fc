using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Projects;

internal sealed class ProgressReportRecordConfiguration : IEntityTypeConfiguration<ProgressReportRecord>
{
    public void Configure(EntityTypeBuilder<ProgressReportRecord> builder)
    {
        builder.ToTable("ProgressReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.Problems).HasMaxLength(8000);
        builder.HasIndex(r => new { r.ApplicationId, r.Sequence }).IsUnique();
    }
}

internal sealed class ChangeRequestRecordConfiguration : IEntityTypeConfiguration<ChangeRequestRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRequestRecord> builder)
    {
        builder.ToTable("ChangeRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(20).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.DecisionReason).HasMaxLength(4000);
        builder.HasIndex(r => new { r.ApplicationId, r.Status });
    }
}

internal sealed class AcceptanceRecordConfiguration : IEntityTypeConfiguration<AcceptanceRecord>
{
    public void Configure(EntityTypeBuilder<AcceptanceRecord> builder)
    {
        builder.ToTable("Acceptances");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(10);
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);
        builder.Property(r => r.ReviewReason).HasMaxLength(4000);
        builder.Property(r => r.Calculation).HasMaxLength(2000);
        builder.HasIndex(r => r.ApplicationId);
    }
}

internal sealed class EvaluationRecordConfiguration : IEntityTypeConfiguration<EvaluationRecord>
{
    public void Configure(EntityTypeBuilder<EvaluationRecord> builder)
    {
        builder.ToTable("Evaluations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.EvaluatedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.EnergySavedTce).HasPrecision(18, 3);
        builder.Property(r => r.Score).HasPrecision(7, 2);
        builder.Property(r => r.Grade).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Indicators).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(8000);
        builder.HasIndex(r => r.ApplicationId).IsUnique();
    }
}
