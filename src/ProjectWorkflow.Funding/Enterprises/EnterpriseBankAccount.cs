using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Enterprises;

/// <summary>
/// A bank account the enterprise asked to have installments paid to. The account holder is the enterprise itself
/// (its registered name). It counts as the enterprise's registered account only once the fund's staff approved it —
/// never the one who asked, nor anyone acting for the enterprise — and approving a newer one replaces it.
/// </summary>
public sealed class EnterpriseBankAccount
{
    private EnterpriseBankAccount() { }

    public Guid Id { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public string BankName { get; private set; } = "";
    public string AccountNumber { get; private set; } = "";
    public BankAccountStatus Status { get; private set; } = BankAccountStatus.Pending;
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public long Version { get; private set; }

    public bool IsPending => Status == BankAccountStatus.Pending;

    internal static EnterpriseBankAccount Requested(Guid enterpriseId, string bankName, string accountNumber, string requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        EnterpriseId = enterpriseId,
        BankName = bankName.Trim(),
        AccountNumber = BankAccountNumber.Normalize(accountNumber),
        Status = BankAccountStatus.Pending,
        RequestedBy = requestedBy,
        RequestedAt = now,
    };

    /// <summary>
    /// The account becomes the registered one (the caller replaces the one it had). Refused by the four-eyes rule when
    /// <paramref name="decidedBy"/> asked for it or <paramref name="actsForEnterprise"/>.
    /// </summary>
    public void Approve(string decidedBy, bool actsForEnterprise, DateTimeOffset now, string? reason = null) =>
        Decide(BankAccountStatus.Approved, decidedBy, actsForEnterprise, now, reason);

    /// <summary>Rejected with the reason the enterprise reads; the same four-eyes rule as an approval.</summary>
    public void Reject(string decidedBy, bool actsForEnterprise, string reason, DateTimeOffset now) =>
        Decide(BankAccountStatus.Rejected, decidedBy, actsForEnterprise, now, reason);

    /// <summary>A newer account of the enterprise was approved: this one is no longer paid.</summary>
    public void Replace()
    {
        if (Status != BankAccountStatus.Approved) throw new InvalidOperationException($"Only the approved account is replaced; this one is {BankAccountStatusText.Of(Status)}.");
        Status = BankAccountStatus.Replaced;
        Version++;
    }

    private void Decide(BankAccountStatus outcome, string decidedBy, bool actsForEnterprise, DateTimeOffset now, string? reason)
    {
        if (!IsPending) throw new InvalidOperationException($"This bank account request is already {BankAccountStatusText.Of(Status)} ({DecidedBy}, {DecidedAt:u}).");
        Check.Rules(new OwnRequestApprovalRule(RequestedBy, decidedBy, actsForEnterprise));
        Status = outcome;
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecisionReason = reason;
        Version++;
    }
}
