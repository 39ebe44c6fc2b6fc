using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>One installment of one project as an order to pay; unique per (application, installment number).</summary>
public sealed class PaymentOrderRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string ApplicationNumber { get; set; } = "";
    public string SchemeKey { get; set; } = "";
    public int Year { get; set; }
    public int InstallmentNumber { get; set; }
    public long AmountFen { get; set; }
    public string Payee { get; set; } = "";
    public string? PayeeAccount { get; set; }

    /// <summary>The installment-payment process instance that carries the order.</summary>
    public Guid InstanceId { get; set; }
    public string Status { get; set; } = PaymentOrderStatusText.Of(PaymentOrderStatus.AwaitingApproval);
    public int Attempt { get; set; }
    public string? PaymentKey { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public string? BankReference { get; set; }

    /// <summary>The bank's reason for the last rejection, shown to the finance officer who approves again.</summary>
    public string? RejectionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When and why the order was withdrawn: the project ended (recovered, terminated) before it left.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? DueOn { get; set; }

    /// <summary>Why the order was held instead of sent: it no longer matched what was approved (payee, account, amount).</summary>
    public string? HoldReason { get; set; }
    public long Version { get; set; }

    /// <summary>Moves the order through the domain's guarded transition, or throws its refusal.</summary>
    public void Move(Action<PaymentOrder> transition)
    {
        var order = PaymentOrder.At(PaymentOrderStatusText.Parse(Status), Attempt);
        transition(order);
        Status = PaymentOrderStatusText.Of(order.Status);
        Attempt = order.Attempt;
        Version++;
    }
}

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

    public static PaymentOrderStatus Parse(string text) => text switch
    {
        "awaiting-approval" => PaymentOrderStatus.AwaitingApproval,
        "approved" => PaymentOrderStatus.Approved,
        "sent" => PaymentOrderStatus.Sent,
        "paid" => PaymentOrderStatus.Paid,
        "rejected" => PaymentOrderStatus.Rejected,
        "cancelled" => PaymentOrderStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "Unknown payment order status."),
    };
}

/// <summary>A clawback (追回) of money paid beyond what a project is entitled to.</summary>
public sealed class RecoveryRecord
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string ApplicationNumber { get; set; } = "";
    public long BudgetId { get; set; }
    public long AmountFen { get; set; }
    public string Reason { get; set; } = "";
    public string Status { get; set; } = Outstanding;
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? ReceivedBy { get; set; }

    /// <summary>Where the money went once received (the rule set's <c>recoveryReturnsTo</c>): budget or treasury.</summary>
    public string? ReturnedTo { get; set; }
    public long Version { get; set; }

    public const string Outstanding = "outstanding";
    public const string Received = "received";
}
