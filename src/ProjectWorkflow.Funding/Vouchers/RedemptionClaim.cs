using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Vouchers;

public enum RedemptionClaimStatus
{
    /// <summary>Submitted without every document: the provider is reminded until it completes it.</summary>
    Incomplete,

    /// <summary>Complete, waiting for the issuer's review.</summary>
    Submitted,
    Rejected,

    /// <summary>Approved and published; settled once the notice has passed.</summary>
    InNotice,

    /// <summary>The notice passed: due in the next settlement of its cycle.</summary>
    Redeemed,

    /// <summary>On a settlement (its payment order).</summary>
    Settling,
    Paid,
}

/// <summary>
/// A provider's claim to redeem the voucher share of a delivered order its buyer confirmed (兑付申请): contract, invoice (redeemed once
/// across every scheme and voucher), proof the buyer paid its own share, and the deliverable; reviewed, published for
/// <see cref="VoucherRuleSet.NoticeDays"/> days, then settled in its cycle.
/// </summary>
public sealed class RedemptionClaim
{
    private RedemptionClaim() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid OrderId { get; private set; }
    public Guid QuotaId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string SchemeKey { get; private set; } = "";
    public int Year { get; private set; }
    public long AmountFen { get; private set; }
    public string InvoiceNumber { get; private set; } = "";
    public string? Contract { get; private set; }
    public string? PaymentProof { get; private set; }
    public string? Deliverable { get; private set; }
    public RedemptionClaimStatus Status { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewReason { get; private set; }
    public DateOnly? NoticeEndsOn { get; private set; }
    public DateTimeOffset? RedeemedAt { get; private set; }
    public Guid? SettlementId { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public long Version { get; private set; }

    public Money Amount => new(AmountFen);

    public IReadOnlyList<string> Missing =>
        new (string Name, string? Value)[] { ("contract", Contract), ("invoice", InvoiceNumber), ("payment proof", PaymentProof), ("deliverable", Deliverable) }
            .Where(d => string.IsNullOrWhiteSpace(d.Value)).Select(d => d.Name).ToList();

    /// <summary>
    /// The provider claims the voucher share of an order whose delivery the buyer confirmed (DeliveryNotConfirmed
    /// before). Refused by InvoiceAlreadyRedeemed when the invoice is
    /// claimed elsewhere (<paramref name="invoiceClaimedBy"/>, any scheme or voucher). Missing documents leave it
    /// incomplete: it is not reviewed until they are added.
    /// </summary>
    public static RedemptionClaim Submit(VoucherOrder order, string number, string invoiceNumber, string? invoiceClaimedBy,
        string? contract, string? paymentProof, string? deliverable, string submittedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(invoiceNumber)) throw new VoucherTransitionException("A claim names the invoice it redeems.");
        Check.Rules(new InvoiceAlreadyRedeemedRule(invoiceNumber, invoiceClaimedBy));
        order.Claimed();
        var claim = new RedemptionClaim
        {
            Id = Guid.NewGuid(),
            Number = number,
            OrderId = order.Id,
            QuotaId = order.QuotaId,
            ProviderId = order.ProviderId,
            SchemeKey = order.SchemeKey,
            Year = order.Year,
            AmountFen = order.VoucherShareFen,
            InvoiceNumber = Invoices.InvoiceNumber.Normalise(invoiceNumber),
            Contract = Blank(contract),
            PaymentProof = Blank(paymentProof),
            Deliverable = Blank(deliverable ?? order.Deliverable),
            SubmittedBy = submittedBy,
            SubmittedAt = now,
        };
        claim.Status = claim.Missing.Count == 0 ? RedemptionClaimStatus.Submitted : RedemptionClaimStatus.Incomplete;
        return claim;
    }

    /// <summary>The provider adds what was missing; complete, the claim goes to review.</summary>
    public void Complete(string? contract, string? paymentProof, string? deliverable)
    {
        Expect(RedemptionClaimStatus.Incomplete, "completed");
        Contract = Blank(contract) ?? Contract;
        PaymentProof = Blank(paymentProof) ?? PaymentProof;
        Deliverable = Blank(deliverable) ?? Deliverable;
        if (Missing.Count == 0) Status = RedemptionClaimStatus.Submitted;
        Version++;
    }

    /// <summary>A reminder about the missing documents went to the provider.</summary>
    public void Reminded(DateTimeOffset now) { RemindedAt = now; Version++; }

    /// <summary>The issuer approves: the claim is published until <paramref name="today"/> + notice days (RedemptionClaimIncomplete first).</summary>
    public void Approve(string by, string? reason, int noticeDays, DateOnly today, DateTimeOffset now)
    {
        Check.Rules(new RedemptionClaimIncompleteRule(Missing));
        Expect(RedemptionClaimStatus.Submitted, "approved");
        ReviewedBy = by;
        ReviewedAt = now;
        ReviewReason = reason;
        NoticeEndsOn = today.AddDays(noticeDays);
        Status = RedemptionClaimStatus.InNotice;
        Version++;
    }

    /// <summary>The issuer rejects: the order may be claimed again (the use case frees the invoice).</summary>
    public void Reject(VoucherOrder order, string by, string reason, DateTimeOffset now)
    {
        if (Status is not (RedemptionClaimStatus.Submitted or RedemptionClaimStatus.Incomplete or RedemptionClaimStatus.InNotice))
            throw new VoucherTransitionException($"The claim {Number} is {Status.ToString().ToLowerInvariant()}; it can no longer be rejected.");
        order.ClaimRejected();
        ReviewedBy = by;
        ReviewedAt = now;
        ReviewReason = reason;
        Status = RedemptionClaimStatus.Rejected;
        Version++;
    }

    /// <summary>Whether the notice has passed on <paramref name="today"/> (the day after it ends).</summary>
    public bool NoticePassed(DateOnly today) => Status == RedemptionClaimStatus.InNotice && NoticeEndsOn is { } ends && today > ends;

    /// <summary>The notice passed without a valid objection: the claim is due for settlement.</summary>
    public void Redeem(VoucherOrder order, DateOnly today, DateTimeOffset now)
    {
        if (!NoticePassed(today))
            throw new VoucherTransitionException($"The claim {Number} is {Status.ToString().ToLowerInvariant()}" + (NoticeEndsOn is { } e ? $" (notice until {e:yyyy-MM-dd})" : "") + "; it is redeemed after its notice.");
        order.Redeemed();
        Status = RedemptionClaimStatus.Redeemed;
        RedeemedAt = now;
        Version++;
    }

    internal void OnSettlement(Guid settlementId)
    {
        Expect(RedemptionClaimStatus.Redeemed, "settled");
        SettlementId = settlementId;
        Status = RedemptionClaimStatus.Settling;
        Version++;
    }

    internal void Paid(VoucherOrder order, VoucherQuota quota)
    {
        Expect(RedemptionClaimStatus.Settling, "paid");
        order.Settled(quota);
        Status = RedemptionClaimStatus.Paid;
        Version++;
    }

    private void Expect(RedemptionClaimStatus status, string action)
    {
        if (Status != status)
            throw new VoucherTransitionException($"The claim {Number} is {Status.ToString().ToLowerInvariant()}; only a {status.ToString().ToLowerInvariant()} claim can be {action}.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
