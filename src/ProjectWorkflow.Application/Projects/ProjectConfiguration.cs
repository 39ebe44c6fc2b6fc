using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Application.Projects;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("ProgressReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.Problems).HasMaxLength(8000);
        // Reports filed before annual reports existed were all quarterly.
        builder.Property(r => r.Kind).HasMaxLength(16).IsRequired().HasDefaultValue(ProgressReport.Quarterly);
        builder.HasIndex(r => new { r.ApplicationId, r.Kind, r.Sequence }).IsUnique();
    }
}

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.ToTable("ChangeRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Status).HasConversion(s => ChangeRequestStatusText.Of(s), t => ChangeRequestStatusText.Parse(t)).HasMaxLength(20).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.DecisionReason).HasMaxLength(4000);
        builder.HasIndex(r => new { r.ApplicationId, r.Status });
    }
}

internal sealed class AcceptanceConfiguration : IEntityTypeConfiguration<Acceptance>
{
    public void Configure(EntityTypeBuilder<Acceptance> builder)
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

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.ToTable("Evaluations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.EvaluatedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.EnergySavedTce).HasPrecision(18, 3);
        builder.Property(r => r.Co2ReducedTonnes).HasPrecision(18, 3);
        builder.Property(r => r.SolidWasteTonnes).HasPrecision(18, 3);
        builder.Property(r => r.SolidWasteUtilisedTonnes).HasPrecision(18, 3);
        builder.Property(r => r.Score).HasPrecision(7, 2);
        builder.Property(r => r.Grade).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Indicators).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(8000);
        builder.HasIndex(r => r.ApplicationId).IsUnique();
    }
}

internal sealed class InterestEvidenceConfiguration : IEntityTypeConfiguration<InterestEvidence>
{
    public void Configure(EntityTypeBuilder<InterestEvidence> builder)
    {
        builder.ToTable("InterestEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Lender).HasMaxLength(InterestEvidence.LenderLength).IsRequired();
        builder.Property(e => e.FiledBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(e => new { e.ApplicationId, e.PaymentOrderId });
        builder.Ignore(e => e.InterestPaid);
    }
}

internal sealed class CreditSanctionConfiguration : IEntityTypeConfiguration<CreditSanction>
{
    public void Configure(EntityTypeBuilder<CreditSanction> builder)
    {
        builder.ToTable("CreditSanctions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Subject).HasMaxLength(64).IsRequired();
        builder.Property(s => s.SubjectKind).HasMaxLength(20).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(CreditSanction.ReasonLength).IsRequired();
        builder.HasIndex(s => new { s.Subject, s.Until });
    }
}
