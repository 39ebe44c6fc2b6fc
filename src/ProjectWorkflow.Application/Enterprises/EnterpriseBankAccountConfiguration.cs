using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

internal sealed class EnterpriseBankAccountConfiguration : IEntityTypeConfiguration<EnterpriseBankAccount>
{
    public void Configure(EntityTypeBuilder<EnterpriseBankAccount> builder)
    {
        builder.ToTable("EnterpriseBankAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.BankName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.AccountNumber).HasMaxLength(34).IsRequired();
        builder.Property(a => a.Status).HasConversion(s => BankAccountStatusText.Of(s), t => BankAccountStatusText.Parse(t)).HasMaxLength(20).IsRequired();
        builder.Property(a => a.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.Property(a => a.DecisionReason).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.EnterpriseId, a.Status });
        builder.Ignore(a => a.IsPending);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A bank account as the caller may see it: its number in full only for the enterprise's own users and finance officers.</summary>
public sealed record BankAccountView(
    Guid Id, Guid EnterpriseId, string AccountHolder, string BankName, string AccountNumber, string Status,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason)
{
    public static BankAccountView Of(EnterpriseBankAccount a, string holder, bool showNumber) => new(
        a.Id, a.EnterpriseId, holder, a.BankName, showNumber ? a.AccountNumber : BankAccountNumber.Mask(a.AccountNumber), BankAccountStatusText.Of(a.Status),
        a.RequestedBy, a.RequestedAt, a.DecidedBy, a.DecidedAt, a.DecisionReason);
}

/// <summary>Who reads an account number in full: finance officers, who pay it. Administrators, auditors and other staff read it masked.</summary>
public static class AccountNumbers
{
    public static bool ShownInFullTo(Actor actor) => actor.Groups.Contains(Roles.Finance, StringComparer.Ordinal);

    public static string? For(Actor actor, string? number) => number is null || ShownInFullTo(actor) ? number : BankAccountNumber.Mask(number);

    /// <summary>The enterprise's registered (approved) account number, or null when it has none.</summary>
    public static Task<string?> RegisteredAsync(ProjectWorkflowDbContext db, Guid enterpriseId, CancellationToken cancellationToken) =>
        db.Set<EnterpriseBankAccount>().AsNoTracking()
            .Where(a => a.EnterpriseId == enterpriseId && a.Status == BankAccountStatus.Approved)
            .OrderByDescending(a => a.DecidedAt).Select(a => a.AccountNumber).FirstOrDefaultAsync(cancellationToken);
}
