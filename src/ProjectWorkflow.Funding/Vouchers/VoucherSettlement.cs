using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Vouchers;

public enum VoucherSettlementStatus
{
    /// <summary>Opened by the cycle's run, waiting for a finance officer.</summary>
    Due,
    Released,

    /// <summary>At the treasury.</summary>
    Sent,
    Paid,

    /// <summary>The bank returned it; a finance officer releases it again.</summary>
    Rejected,
}

/// <summary>
/// The payment order of one provider for one scheme's settlement cycle (结算单): unique per (provider, scheme, cycle),
/// so a run repeated, or run on two nodes, opens it once; released by a finance officer who played no other part, sent
/// to the treasury (which pays an order once), paid when the bank confirms.
/// </summary>
public sealed class VoucherSettlement
{
    private VoucherSettlement() { }

    public Guid Id { get; private set; }
    public Guid ProviderId { get; private set; }
    public string ProviderName { get; private set; } = "";
    public string PayeeAccount { get; private set; } = "";
    public string SchemeKey { get; private set; } = "";
    public int Year { get; private set; }

    /// <summary>2026-Q1: with the provider and scheme, the settlement's unique key.</summary>
    public string Cycle { get; private set; } = "";
    public long AmountFen { get; private set; }
    public int ClaimCount { get; private set; }
    public VoucherSettlementStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public int Attempt { get; private set; }
    public string? PaymentKey { get; private set; }
    public string? ReleasedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public string? BankReference { get; private set; }
    public string? RejectionReason { get; private set; }
    public long Version { get; private set; }

    public Money Amount => new(AmountFen);

    /// <summary>The treasury pays this order once, whatever the attempt.</summary>
    public string TreasuryOrderKey => $"voucher-settlement:{Id:N}";

    /// <summary>Opens the provider's order for the cycle with every redeemed claim of the scheme not yet settled.</summary>
    public static VoucherSettlement Open(ServiceProvider provider, string schemeKey, SettlementCycle cycle, IReadOnlyList<RedemptionClaim> claims, DateTimeOffset now)
    {
        if (claims.Count == 0) throw new ArgumentException("A settlement pays at least one claim.", nameof(claims));
        if (claims.Any(c => c.ProviderId != provider.Id || c.SchemeKey != schemeKey))
            throw new ArgumentException("A settlement pays one provider's claims of one scheme.", nameof(claims));
        var settlement = new VoucherSettlement
        {
            Id = Guid.NewGuid(),
            ProviderId = provider.Id,
            ProviderName = provider.Name,
            PayeeAccount = provider.AccountNumber,
            SchemeKey = schemeKey,
            Year = cycle.Year,
            Cycle = cycle.Key,
            AmountFen = claims.Sum(c => c.AmountFen),
            ClaimCount = claims.Count,
            Status = VoucherSettlementStatus.Due,
            OpenedAt = now,
        };
        foreach (var claim in claims) claim.OnSettlement(settlement.Id);
        return settlement;
    }

    /// <summary>A finance officer releases it: refused by SettlementReleaseConflict when they played another part (<paramref name="partsPlayed"/>).</summary>
    public void Release(string by, IReadOnlyCollection<string> partsPlayed, DateTimeOffset now)
    {
        if (Status is not (VoucherSettlementStatus.Due or VoucherSettlementStatus.Rejected))
            throw new VoucherTransitionException($"The settlement of {ProviderName} for {Cycle} is {Status.ToString().ToLowerInvariant()}" +
                (ReleasedBy is null ? "" : $": {ReleasedBy} released it at {ReleasedAt:u}") + ". It is paid once; nothing was sent again.");
        Check.Rules(new SettlementReleaseConflictRule(by, partsPlayed));
        Status = VoucherSettlementStatus.Released;
        ReleasedBy = by;
        ReleasedAt = now;
        Attempt++;
        Version++;
    }

    public void Send(DateTimeOffset now)
    {
        if (Status != VoucherSettlementStatus.Released) throw new VoucherTransitionException($"Only a released settlement is sent; this one is {Status.ToString().ToLowerInvariant()}.");
        Status = VoucherSettlementStatus.Sent;
        PaymentKey = $"{Id:N}-{Attempt}";
        SentAt = now;
        Version++;
    }

    /// <summary>Whether a bank answer carrying <paramref name="paymentKey"/> is not for the attempt out now.</summary>
    public bool IsStale(string? paymentKey) => paymentKey != PaymentKey || Status != VoucherSettlementStatus.Sent;

    /// <summary>The treasury paid: every claim on it is paid (each order settled, each quota redeemed).</summary>
    public void Paid(string? bankReference, IReadOnlyList<(RedemptionClaim Claim, VoucherOrder Order, VoucherQuota Quota)> claims, DateTimeOffset now)
    {
        if (Status != VoucherSettlementStatus.Sent) throw new VoucherTransitionException($"Only a settlement at the treasury is paid; this one is {Status.ToString().ToLowerInvariant()}.");
        if (claims.Count != ClaimCount || claims.Any(c => c.Claim.SettlementId != Id)) throw new ArgumentException("Pass every claim of this settlement.", nameof(claims));
        foreach (var (claim, order, quota) in claims) claim.Paid(order, quota);
        Status = VoucherSettlementStatus.Paid;
        BankReference = bankReference;
        PaidAt = now;
        RejectionReason = null;
        Version++;
    }

    public void RejectedByBank(string? reason)
    {
        if (Status != VoucherSettlementStatus.Sent) throw new VoucherTransitionException($"Only a settlement at the treasury is returned; this one is {Status.ToString().ToLowerInvariant()}.");
        Status = VoucherSettlementStatus.Rejected;
        RejectionReason = string.IsNullOrWhiteSpace(reason) ? "The bank gave no reason." : reason.Length > 1000 ? reason[..1000] : reason;
        Version++;
    }
}
