using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        builder.ToTable("Budgets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Kind).HasMaxLength(32).IsRequired();
        builder.Property(b => b.OwnerKey).HasMaxLength(64).IsRequired();
        builder.HasIndex(b => new { b.Kind, b.OwnerKey, b.Year }).IsUnique();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.Balances);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Reference).HasMaxLength(200).IsRequired();
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.Property(e => e.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Checksum).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ChecksumKeyId).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => new { e.BudgetId, e.Id });
        builder.HasIndex(e => e.ApplicationId);
        builder.HasOne<Budget>().WithMany().HasForeignKey(e => e.BudgetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Postings).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Postings).HasField("_postings").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.Lines);
    }
}

internal sealed class LedgerEntryPostingConfiguration : IEntityTypeConfiguration<LedgerEntryPosting>
{
    public void Configure(EntityTypeBuilder<LedgerEntryPosting> builder)
    {
        builder.ToTable("LedgerPostings");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Account).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => new { p.BudgetId, p.Account });
        builder.HasIndex(p => new { p.ApplicationId, p.Account });
    }
}

internal sealed class PaymentOrderConfiguration : IEntityTypeConfiguration<PaymentOrder>
{
    public void Configure(EntityTypeBuilder<PaymentOrder> builder)
    {
        builder.ToTable("PaymentOrders");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => new { o.ApplicationId, o.InstallmentNumber }).IsUnique();
        builder.HasIndex(o => o.PaymentKey).IsUnique();
        builder.HasIndex(o => o.Status);
        builder.Property(o => o.ApplicationNumber).HasMaxLength(64).IsRequired();
        builder.Property(o => o.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Payee).HasMaxLength(300).IsRequired();
        builder.Property(o => o.PayeeAccount).HasMaxLength(64);
        builder.Property(o => o.HoldReason).HasMaxLength(2000);
        builder.Property(o => o.Status).HasConversion(s => PaymentOrderStatusText.Of(s), t => PaymentOrderStatusText.Parse(t)).HasMaxLength(32).IsRequired();
        builder.Property(o => o.PaymentKey).HasMaxLength(80);
        builder.Property(o => o.ApprovedBy).HasMaxLength(256);
        builder.Property(o => o.BankReference).HasMaxLength(100);
        builder.Property(o => o.RejectionReason).HasMaxLength(1000);
        builder.Property(o => o.CancelReason).HasMaxLength(1000);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.Amount);
    }
}

internal sealed class RecoveryConfiguration : IEntityTypeConfiguration<Recovery>
{
    public void Configure(EntityTypeBuilder<Recovery> builder)
    {
        builder.ToTable("Recoveries");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.Status, r.OpenedAt });
        builder.HasIndex(r => r.ApplicationId);
        builder.Property(r => r.ApplicationNumber).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(32).IsRequired();
        builder.Property(r => r.ReceivedBy).HasMaxLength(256);
        builder.Property(r => r.ReturnedTo).HasMaxLength(32);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Amount);
        builder.Ignore(r => r.IsOutstanding);
    }
}

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> builder)
    {
        builder.ToTable("LedgerReconciliations");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.At);
    }
}
