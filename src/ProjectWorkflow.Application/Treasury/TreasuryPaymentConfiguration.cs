using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Treasury;

internal sealed class TreasuryPaymentConfiguration : IEntityTypeConfiguration<TreasuryPayment>
{
    public void Configure(EntityTypeBuilder<TreasuryPayment> builder)
    {
        builder.ToTable("TreasuryPayments");
        // The order is the key: that is what makes "an order is paid once" hold across nodes and attempts,
        // a second insert for the same order fails.
        builder.HasKey(p => p.OrderKey);
        builder.Property(p => p.OrderKey).HasMaxLength(200);
        builder.Property(p => p.PaymentKey).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.BusinessKey).HasMaxLength(255).IsRequired();
        builder.Property(p => p.Payee).HasMaxLength(500).IsRequired();
        builder.Property(p => p.PayeeAccount).HasMaxLength(100);
        builder.Property(p => p.Status).HasMaxLength(20).IsRequired();
        builder.Property(p => p.BankReference).HasMaxLength(100);
        builder.Property(p => p.Reason).HasMaxLength(1000);
        builder.HasIndex(p => p.BusinessKey);
        builder.HasIndex(p => p.PaymentKey);
    }
}
