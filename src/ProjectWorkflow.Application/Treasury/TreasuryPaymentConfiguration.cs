using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Treasury;

internal sealed class TreasuryPaymentConfiguration : IEntityTypeConfiguration<TreasuryPayment>
{
    public void Configure(EntityTypeBuilder<TreasuryPayment> builder)
    {
        builder.ToTable("TreasuryPayments");
        // The key is what makes "never pays twice" hold across nodes: a second insert for the same key fails.
        builder.HasKey(p => p.PaymentKey);
        builder.Property(p => p.PaymentKey).HasMaxLength(200);
        builder.Property(p => p.BusinessKey).HasMaxLength(255).IsRequired();
        builder.Property(p => p.Payee).HasMaxLength(500).IsRequired();
        builder.Property(p => p.PayeeAccount).HasMaxLength(100);
        builder.Property(p => p.Status).HasMaxLength(20).IsRequired();
        builder.Property(p => p.BankReference).HasMaxLength(100);
        builder.Property(p => p.Reason).HasMaxLength(1000);
        builder.HasIndex(p => p.BusinessKey);
    }
}
