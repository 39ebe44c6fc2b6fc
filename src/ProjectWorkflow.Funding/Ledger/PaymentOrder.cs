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

/// <summary>A move a payment order's status does not allow, said as a finance officer would understand it.</summary>
public sealed class PaymentOrderTransitionException(PaymentOrderStatus from, string action)
    : Exception($"A payment order that is {Describe(from)} cannot be {action}.")
{
    public PaymentOrderStatus From { get; } = from;

    public static string Describe(PaymentOrderStatus status) => status switch
    {
        PaymentOrderStatus.AwaitingApproval => "awaiting approval",
        PaymentOrderStatus.Sent => "at the treasury waiting for the bank's answer",
        PaymentOrderStatus.Rejected => "rejected by the bank",
        PaymentOrderStatus.Cancelled => "cancelled because the project ended",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// The guarded life of one installment's payment order. Each approval is an attempt with its own payment
/// key: a retried send repeats the same key (the treasury pays a key once), and only a rejection lets a
/// finance officer approve a new attempt. Paid only when the treasury confirms.
/// </summary>
public sealed class PaymentOrder
{
    private PaymentOrder(PaymentOrderStatus status, int attempt)
    {
        Status = status;
        Attempt = attempt;
    }

    public PaymentOrderStatus Status { get; private set; }

    /// <summary>How many times a finance officer approved it (1 on the first approval).</summary>
    public int Attempt { get; private set; }

    public static PaymentOrder At(PaymentOrderStatus status, int attempt) => new(status, attempt);

    /// <summary>The treasury's key for the current attempt: the same order and attempt always give the same key.</summary>
    public static string PaymentKey(Guid orderId, int attempt) => $"{orderId:N}-{attempt}";

    public void Approve()
    {
        if (Status is not (PaymentOrderStatus.AwaitingApproval or PaymentOrderStatus.Rejected))
            throw new PaymentOrderTransitionException(Status, "approved");
        Status = PaymentOrderStatus.Approved;
        Attempt++;
    }

    /// <summary>Sends the current attempt; sending it again (a retried step) is allowed and keeps the key.</summary>
    public void Send()
    {
        if (Status is not (PaymentOrderStatus.Approved or PaymentOrderStatus.Sent))
            throw new PaymentOrderTransitionException(Status, "sent to the treasury");
        Status = PaymentOrderStatus.Sent;
    }

    public void Confirm()
    {
        if (Status != PaymentOrderStatus.Sent) throw new PaymentOrderTransitionException(Status, "marked paid");
        Status = PaymentOrderStatus.Paid;
    }

    public void Reject()
    {
        if (Status != PaymentOrderStatus.Sent) throw new PaymentOrderTransitionException(Status, "marked rejected");
        Status = PaymentOrderStatus.Rejected;
    }

    /// <summary>The project ended before this order left: only an order no one has sent (or one the bank returned) is withdrawn.</summary>
    public void Cancel()
    {
        if (Status is not (PaymentOrderStatus.AwaitingApproval or PaymentOrderStatus.Rejected))
            throw new PaymentOrderTransitionException(Status, "cancelled");
        Status = PaymentOrderStatus.Cancelled;
    }
}
