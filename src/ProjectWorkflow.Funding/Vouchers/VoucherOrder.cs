using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Vouchers;

public enum VoucherOrderStatus
{
    /// <summary>Placed by the buyer, waiting for the provider.</summary>
    Placed,
    Accepted,
    Declined,
    /// <summary>The provider recorded the delivery; the buyer has yet to confirm it.</summary>
    Delivered,

    /// <summary>The buyer confirmed it received the service: the provider may claim redemption.</summary>
    Confirmed,

    /// <summary>The provider claimed redemption.</summary>
    Claimed,

    /// <summary>The claim's notice passed: the order is paid in the next settlement.</summary>
    Redeemed,
    Settled,
}

/// <summary>
/// A service bought with a voucher (服务订单): the contract value and the voucher's share of it, checked to the fen
/// against the co-payment ratio, the per-claim cap and the quota left; the provider accepts or declines, then delivers;
/// the buyer confirms the delivery, and only then may the provider claim redemption (DeliveryNotConfirmed).
/// </summary>
public sealed class VoucherOrder
{
    private VoucherOrder() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid QuotaId { get; private set; }
    public string SchemeKey { get; private set; } = "";
    public int Year { get; private set; }
    public Guid ProviderId { get; private set; }
    public Guid? EnterpriseId { get; private set; }
    public string ItemKey { get; private set; } = "";
    public long ContractValueFen { get; private set; }
    public long VoucherShareFen { get; private set; }
    public VoucherOrderStatus Status { get; private set; }
    public string PlacedBy { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public string? Deliverable { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public long Version { get; private set; }

    public Money ContractValue => new(ContractValueFen);
    public Money VoucherShare => new(VoucherShareFen);

    /// <summary>What the buyer pays itself (the contract less the voucher's share).</summary>
    public Money OwnShare => ContractValue - VoucherShare;

    /// <summary>
    /// The buyer orders a catalogue service: refused by VoucherQuotaLapsed, ProviderSuspended, RelatedProvider,
    /// VoucherShareExceedsRatio, PerClaimCapExceeded and VoucherQuotaExceeded; the quota holds the share at once.
    /// </summary>
    public static VoucherOrder Place(
        VoucherRuleSet rules, VoucherQuota quota, ServiceProvider provider, string number, string itemKey,
        Money contractValue, Money voucherShare, string placedBy, DateOnly today, DateTimeOffset now)
    {
        if (rules.SchemeKey != quota.SchemeKey || rules.Year != quota.Year) throw new ArgumentException("The rules are not the quota's scheme-year.", nameof(rules));
        if (rules.FindItem(itemKey) is null) throw new VoucherTransitionException($"'{itemKey}' is not in the {quota.SchemeKey} {quota.Year} catalogue.");
        if (contractValue.Fen <= 0) throw new VoucherTransitionException("A contract has a positive value.");
        quota.EnsureUsable(today);
        provider.EnsureMayServe(quota.Party);
        Check.Rules(
            new VoucherShareExceedsRatioRule(contractValue, rules.CoPaymentRatio, voucherShare),
            new PerClaimCapExceededRule(rules.PerClaimCap, voucherShare));
        quota.Commit(voucherShare);
        return new VoucherOrder
        {
            Id = Guid.NewGuid(),
            Number = number,
            QuotaId = quota.Id,
            SchemeKey = quota.SchemeKey,
            Year = quota.Year,
            ProviderId = provider.Id,
            EnterpriseId = quota.EnterpriseId,
            ItemKey = itemKey,
            ContractValueFen = contractValue.Fen,
            VoucherShareFen = voucherShare.Fen,
            Status = VoucherOrderStatus.Placed,
            PlacedBy = placedBy,
            PlacedAt = now,
        };
    }

    public void Accept(string by, DateTimeOffset now)
    {
        Expect(VoucherOrderStatus.Placed, "accepted");
        Status = VoucherOrderStatus.Accepted;
        AnsweredBy = by;
        AnsweredAt = now;
        Version++;
    }

    /// <summary>The provider declines: the share goes back to the quota (or, if the quota lapsed meanwhile, is returned: the amount to release in the ledger).</summary>
    public Money Decline(VoucherQuota quota, string by, string reason, DateTimeOffset now)
    {
        Expect(VoucherOrderStatus.Placed, "declined");
        if (quota.Id != QuotaId) throw new ArgumentException("Not this order's quota.", nameof(quota));
        Status = VoucherOrderStatus.Declined;
        AnsweredBy = by;
        AnsweredAt = now;
        DeclineReason = reason.Trim();
        Version++;
        return quota.Uncommit(VoucherShare);
    }

    public void Deliver(string deliverable, DateTimeOffset now)
    {
        Expect(VoucherOrderStatus.Accepted, "delivered");
        if (string.IsNullOrWhiteSpace(deliverable)) throw new ArgumentException("Name the deliverable.", nameof(deliverable));
        Status = VoucherOrderStatus.Delivered;
        Deliverable = deliverable.Trim();
        DeliveredAt = now;
        Version++;
    }

    /// <summary>The buyer confirms it received the delivered service (确认交付); the provider may then claim redemption.</summary>
    public void ConfirmDelivery(string by, DateTimeOffset now)
    {
        Expect(VoucherOrderStatus.Delivered, "confirmed");
        Status = VoucherOrderStatus.Confirmed;
        ConfirmedBy = by;
        ConfirmedAt = now;
        Version++;
    }

    /// <summary>The provider claims it: refused by DeliveryNotConfirmed while the buyer has not confirmed the delivery.</summary>
    internal void Claimed()
    {
        if (Status == VoucherOrderStatus.Delivered) Check.Rules(new DeliveryNotConfirmedRule(Number, confirmed: false));
        Expect(VoucherOrderStatus.Confirmed, "claimed");
        Status = VoucherOrderStatus.Claimed;
        Version++;
    }

    /// <summary>A rejected claim lets the provider claim again (the buyer's confirmation stands).</summary>
    internal void ClaimRejected() { Expect(VoucherOrderStatus.Claimed, "reopened"); Status = VoucherOrderStatus.Confirmed; Version++; }

    internal void Redeemed() { Expect(VoucherOrderStatus.Claimed, "redeemed"); Status = VoucherOrderStatus.Redeemed; Version++; }

    internal void Settled(VoucherQuota quota)
    {
        Expect(VoucherOrderStatus.Redeemed, "settled");
        Status = VoucherOrderStatus.Settled;
        quota.Redeemed(VoucherShare);
        Version++;
    }

    private void Expect(VoucherOrderStatus status, string action)
    {
        if (Status != status)
            throw new VoucherTransitionException($"The order {Number} is {Status.ToString().ToLowerInvariant()}; only a {status.ToString().ToLowerInvariant()} order can be {action}.");
    }
}
