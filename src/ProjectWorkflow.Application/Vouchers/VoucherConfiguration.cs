using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

internal sealed class VoucherRuleSetRecordConfiguration : IEntityTypeConfiguration<VoucherRuleSetRecord>
{
    public void Configure(EntityTypeBuilder<VoucherRuleSetRecord> builder)
    {
        builder.ToTable("VoucherRuleSets");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.SchemeKey, r.Year }).IsUnique();
        builder.Property(r => r.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Document).IsRequired();
        builder.Property(r => r.AddedBy).HasMaxLength(256);
    }
}

internal sealed class VoucherQuotaConfiguration : IEntityTypeConfiguration<VoucherQuota>
{
    public void Configure(EntityTypeBuilder<VoucherQuota> builder)
    {
        builder.ToTable("VoucherQuotas");
        builder.HasKey(q => q.Id);
        builder.HasIndex(q => q.Number).IsUnique();
        builder.HasIndex(q => new { q.SchemeKey, q.Year, q.Status });
        builder.HasIndex(q => q.EnterpriseId);
        builder.Property(q => q.Number).HasMaxLength(32).IsRequired();
        builder.Property(q => q.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(q => q.ApplicantKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(q => q.HolderName).HasMaxLength(300).IsRequired();
        builder.Property(q => q.Uscc).HasMaxLength(18);
        builder.Property(q => q.LegalRepresentative).HasMaxLength(100);
        builder.Property(q => q.Controller).HasMaxLength(300);
        builder.Property(q => q.CertificateNumber).HasMaxLength(64);
        builder.Property(q => q.TeamName).HasMaxLength(300);
        builder.Property(q => q.TeamPlace).HasMaxLength(32);
        builder.Property(q => q.TeamMembers).HasMaxLength(2000).IsRequired();
        builder.Property(q => q.AppliedBy).HasMaxLength(256).IsRequired();
        builder.Property(q => q.DecidedBy).HasMaxLength(256);
        builder.Property(q => q.DecisionReason).HasMaxLength(1000);
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.Ignore(q => q.Granted);
        builder.Ignore(q => q.Committed);
        builder.Ignore(q => q.Remaining);
        builder.Ignore(q => q.Party);
        builder.Ignore(q => q.Members);
    }
}

internal sealed class ServiceProviderConfiguration : IEntityTypeConfiguration<ServiceProvider>
{
    public void Configure(EntityTypeBuilder<ServiceProvider> builder)
    {
        builder.ToTable("ServiceProviders");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Uscc).IsUnique();
        builder.HasIndex(p => p.RegisteredBy);
        builder.Property(p => p.Uscc).HasMaxLength(18).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(300).IsRequired();
        builder.Property(p => p.LegalRepresentative).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Controller).HasMaxLength(300);
        builder.Property(p => p.BankName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.AccountNumber).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.RegisteredBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.VettedBy).HasMaxLength(256);
        builder.Property(p => p.StatusReason).HasMaxLength(1000);
        builder.Property(p => p.StatusChangedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Services).WithOne().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Services).HasField("_services").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.Party);
        builder.Ignore(p => p.TakesOrders);
    }
}

internal sealed class ProviderServiceConfiguration : IEntityTypeConfiguration<ProviderService>
{
    public void Configure(EntityTypeBuilder<ProviderService> builder)
    {
        builder.ToTable("ProviderServices");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.ProviderId, s.SchemeKey, s.ItemKey }).IsUnique();
        builder.Property(s => s.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ItemKey).HasMaxLength(64).IsRequired();
        builder.Property(s => s.NameZh).HasMaxLength(200).IsRequired();
        builder.Property(s => s.NameEn).HasMaxLength(200).IsRequired();
    }
}

internal sealed class VoucherOrderConfiguration : IEntityTypeConfiguration<VoucherOrder>
{
    public void Configure(EntityTypeBuilder<VoucherOrder> builder)
    {
        builder.ToTable("VoucherOrders");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.QuotaId);
        builder.HasIndex(o => o.ProviderId);
        builder.HasIndex(o => o.EnterpriseId);
        builder.Property(o => o.Number).HasMaxLength(32).IsRequired();
        builder.Property(o => o.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(o => o.ItemKey).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.PlacedBy).HasMaxLength(256).IsRequired();
        builder.Property(o => o.AnsweredBy).HasMaxLength(256);
        builder.Property(o => o.DeclineReason).HasMaxLength(1000);
        builder.Property(o => o.Deliverable).HasMaxLength(1000);
        builder.Property(o => o.ConfirmedBy).HasMaxLength(256);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<VoucherQuota>().WithMany().HasForeignKey(o => o.QuotaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceProvider>().WithMany().HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.ContractValue);
        builder.Ignore(o => o.VoucherShare);
        builder.Ignore(o => o.OwnShare);
    }
}

internal sealed class RedemptionClaimConfiguration : IEntityTypeConfiguration<RedemptionClaim>
{
    public void Configure(EntityTypeBuilder<RedemptionClaim> builder)
    {
        builder.ToTable("RedemptionClaims");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.OrderId);
        builder.HasIndex(c => new { c.ProviderId, c.SchemeKey, c.Status });
        builder.HasIndex(c => c.SettlementId);
        builder.Property(c => c.Number).HasMaxLength(32).IsRequired();
        builder.Property(c => c.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(c => c.InvoiceNumber).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Contract).HasMaxLength(500);
        builder.Property(c => c.PaymentProof).HasMaxLength(500);
        builder.Property(c => c.Deliverable).HasMaxLength(1000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.ReviewedBy).HasMaxLength(256);
        builder.Property(c => c.ReviewReason).HasMaxLength(1000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<VoucherOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.Amount);
        builder.Ignore(c => c.Missing);
    }
}

internal sealed class VoucherSettlementConfiguration : IEntityTypeConfiguration<VoucherSettlement>
{
    public void Configure(EntityTypeBuilder<VoucherSettlement> builder)
    {
        builder.ToTable("VoucherSettlements");
        builder.HasKey(s => s.Id);
        // One payment order per provider, scheme and cycle: a run repeated, or run on two nodes, opens it once.
        builder.HasIndex(s => new { s.ProviderId, s.SchemeKey, s.Cycle }).IsUnique();
        builder.HasIndex(s => s.PaymentKey).IsUnique();
        builder.HasIndex(s => s.Status);
        builder.Property(s => s.ProviderName).HasMaxLength(300).IsRequired();
        builder.Property(s => s.PayeeAccount).HasMaxLength(64).IsRequired();
        builder.Property(s => s.SchemeKey).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Cycle).HasMaxLength(16).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.PaymentKey).HasMaxLength(80);
        builder.Property(s => s.ReleasedBy).HasMaxLength(256);
        builder.Property(s => s.BankReference).HasMaxLength(100);
        builder.Property(s => s.RejectionReason).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<ServiceProvider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.Amount);
        builder.Ignore(s => s.TreasuryOrderKey);
    }
}
