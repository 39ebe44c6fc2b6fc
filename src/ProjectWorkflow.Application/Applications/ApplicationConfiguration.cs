using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Invoices;

namespace ProjectWorkflow.Application.Applications;

internal sealed class FundingApplicationConfiguration : IEntityTypeConfiguration<FundingApplication>
{
    public void Configure(EntityTypeBuilder<FundingApplication> builder)
    {
        builder.ToTable("FundingApplications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Number).HasMaxLength(32).IsRequired();
        builder.Property(a => a.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Uscc).HasMaxLength(18).IsRequired();
        builder.Property(a => a.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.ProjectName).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Site).HasMaxLength(500).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(8000).IsRequired();
        builder.Property(a => a.ProjectLeaderName).HasMaxLength(100).IsRequired();
        builder.Property(a => a.ProjectLeaderIdentity).HasMaxLength(64).IsRequired();
        builder.Property(a => a.TitleSought).HasMaxLength(100);
        builder.Property(a => a.SupportMethod).HasMaxLength(64);
        builder.Property(a => a.Lender).HasMaxLength(200);
        builder.Property(a => a.EnergyBeforeTce).HasPrecision(18, 3);
        builder.Property(a => a.EnergyAfterTce).HasPrecision(18, 3);
        builder.Property(a => a.Co2ReducedTonnes).HasPrecision(18, 3);
        builder.Property(a => a.SolidWasteTonnes).HasPrecision(18, 3);
        builder.Property(a => a.SolidWasteUtilisedTonnes).HasPrecision(18, 3);
        builder.Property(a => a.InvoiceNumbers).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.Fingerprint).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Status).HasConversion(s => ApplicationStatusText.Of(s), t => ApplicationStatusText.Parse(t)).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Stage).HasMaxLength(255);
        builder.Property(a => a.PayeeName).HasMaxLength(300);
        builder.Property(a => a.PayeeAccount).HasMaxLength(64);
        builder.Property(a => a.RecoveryReason).HasMaxLength(2000);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasIndex(a => a.Fingerprint);
        builder.HasIndex(a => new { a.EnterpriseId, a.Status });
        builder.HasIndex(a => new { a.SchemeKey, a.Year, a.Status });
        // The inbox's district filter finds the applications of the register's enterprises (docs/benchmarks.md, "Inbox").
        builder.HasIndex(a => a.Uscc);
        builder.Ignore(a => a.Investment);
        builder.Ignore(a => a.Invoices);
        builder.Ignore(a => a.IsEditable);
    }
}

internal sealed class InvoiceClaimConfiguration : IEntityTypeConfiguration<InvoiceClaim>
{
    public void Configure(EntityTypeBuilder<InvoiceClaim> builder)
    {
        builder.ToTable("InvoiceClaims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.InvoiceNumber).HasMaxLength(InvoiceNumber.MaxLength).IsRequired();
        builder.Property(c => c.ClaimantKind).HasMaxLength(32).IsRequired();
        builder.Property(c => c.ClaimantNumber).HasMaxLength(32).IsRequired();
        builder.Property(c => c.SchemeKey).HasMaxLength(64).IsRequired();
        // Funded once: an invoice is claimed by one claimant across every scheme, even when two submissions race.
        builder.HasIndex(c => c.InvoiceNumber).IsUnique();
        builder.HasIndex(c => new { c.ClaimantKind, c.ClaimantId });
    }
}

internal sealed class AttachmentRecordConfiguration : IEntityTypeConfiguration<AttachmentRecord>
{
    public void Configure(EntityTypeBuilder<AttachmentRecord> builder)
    {
        builder.ToTable("ApplicationAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasMaxLength(64).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.StoragePath).HasMaxLength(500).IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(a => a.ApplicationId);
    }
}

internal sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> builder)
    {
        builder.ToTable("ApplicationAttachmentBlobs");
        builder.HasKey(b => b.AttachmentId);
        builder.Property(b => b.AttachmentId).ValueGeneratedNever();
        builder.Property(b => b.Content).IsRequired();
        // Deleting the attachment's row deletes its bytes.
        builder.HasOne<AttachmentRecord>().WithOne().HasForeignKey<AttachmentBlob>(b => b.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
