namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// Where a payment order stands: waiting for a finance officer, approved, at the treasury, paid, rejected by the
/// bank, or cancelled because the project ended (recovered, terminated) before it was approved.
/// </summary>
public enum PaymentOrderStatus
{
    AwaitingApproval,
    Approved,
    Sent,
    Paid,
    Rejected,
    Cancelled,
}

/// <summary>The one mapping between a payment order's status and its text (the stored column, the JSON, the filters).</summary>
public static class PaymentOrderStatusText
{
    public static string Of(PaymentOrderStatus status) => status switch
    {
        PaymentOrderStatus.AwaitingApproval => "awaiting-approval",
        PaymentOrderStatus.Approved => "approved",
        PaymentOrderStatus.Sent => "sent",
        PaymentOrderStatus.Paid => "paid",
        PaymentOrderStatus.Rejected => "rejected",
        PaymentOrderStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static PaymentOrderStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(text), text, "Unknown payment order status.");

    public static bool TryParse(string? text, out PaymentOrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<PaymentOrderStatus>())
            if (Of(candidate) == text)
            {
                status = candidate;
                return true;
            }
        status = default;
        return false;
    }

    /// <summary>The status as a finance officer reads it in a sentence.</summary>
    public static string Describe(PaymentOrderStatus status) => status switch
    {
        PaymentOrderStatus.AwaitingApproval => "awaiting approval",
        PaymentOrderStatus.Sent => "at the treasury waiting for the bank's answer",
        PaymentOrderStatus.Rejected => "rejected by the bank",
        PaymentOrderStatus.Cancelled => "cancelled because the project ended",
        _ => status.ToString().ToLowerInvariant(),
    };
}
