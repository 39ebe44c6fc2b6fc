using System.Diagnostics.CodeAnalysis;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// One installment of one project as an order to pay; unique per (application, installment number). Each
/// approval is an attempt with its own payment key: a retried send repeats the same key (the treasury pays a key
/// once), and only a rejection lets a finance officer approve a new attempt. Paid only when the treasury confirms.
/// Every move is a method that checks the order's rules; the row's <see cref="Version"/> moves with each.
/// </summary>
public sealed class PaymentOrder
{
    private PaymentOrder()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string ApplicationNumber { get; private set; } = "";
    public string SchemeKey { get; private set; } = "";
    public int Year { get; private set; }
    public int InstallmentNumber { get; private set; }
    public long AmountFen { get; private set; }
    public string Payee { get; private set; } = "";
    public string? PayeeAccount { get; private set; }

    /// <summary>The installment-payment process instance that carries the order.</summary>
    public Guid InstanceId { get; private set; }
    public PaymentOrderStatus Status { get; private set; } = PaymentOrderStatus.AwaitingApproval;

    /// <summary>How many times a finance officer approved it (1 on the first approval).</summary>
    public int Attempt { get; private set; }
    public string? PaymentKey { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public string? BankReference { get; private set; }

    /// <summary>The bank's reason for the last rejection, shown to the finance officer who approves again.</summary>
    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When and why the order was withdrawn: the project ended (recovered, terminated) before it left.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTimeOffset? DueOn { get; private set; }

    /// <summary>Why the order was held instead of sent: it no longer matched what was approved (payee, account, amount).</summary>
    public string? HoldReason { get; private set; }
    public long Version { get; private set; }

    public Money Amount => new(AmountFen);

    /// <summary>The treasury's key for an attempt: the same order and attempt always give the same key.</summary>
    public static string KeyOf(Guid orderId, int attempt) => $"{orderId:N}-{attempt}";

    /// <summary>The key the treasury pays once whatever the attempt: the order's id.</summary>
    public static string TreasuryOrderKey(Guid orderId) => $"{orderId:N}";

    /// <summary>
    /// The order for a project's next installment. Refused by InstallmentsExceedApproved when the installments would
    /// add up to more than the approved amount, and by PaymentExceedsReservation when the project's reservation not
    /// already on an unpaid order (<paramref name="reservedNotOnOrder"/>) does not cover it.
    /// </summary>
    public static PaymentOrder ForInstallment(
        Guid applicationId, string applicationNumber, string schemeKey, int year, int installmentNumber, Money amount,
        Money approved, Money alreadyOrdered, Money reservedNotOnOrder, string payee, string? payeeAccount, Guid instanceId, DateTimeOffset now)
    {
        if (amount.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "An installment orders a positive amount.");
        Check.Rules(
            new InstallmentsExceedApprovedRule(approved, alreadyOrdered, amount),
            new PaymentExceedsReservationRule(reservedNotOnOrder, amount));
        return new PaymentOrder
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            ApplicationNumber = applicationNumber,
            SchemeKey = schemeKey,
            Year = year,
            InstallmentNumber = installmentNumber,
            AmountFen = amount.Fen,
            Payee = payee,
            PayeeAccount = payeeAccount,
            InstanceId = instanceId,
            CreatedAt = now,
            DueOn = now,
        };
    }

    /// <summary>
    /// A finance officer approves the order (a new attempt): only one awaiting approval or returned by the bank, and
    /// only by someone who played no other part on the project (RoleConflict, from <paramref name="playedOnProject"/>).
    /// </summary>
    public void Approve(string approver, IReadOnlyCollection<ProjectRole> playedOnProject, DateTimeOffset now)
    {
        if (Status == PaymentOrderStatus.Cancelled)
            throw new PaymentOrderTransitionException(Status, "approved",
                $"This payment order is {PaymentOrderStatusText.Describe(Status)} ({CancelReason}): it will not be paid.");
        if (Status is not (PaymentOrderStatus.AwaitingApproval or PaymentOrderStatus.Rejected))
            throw new PaymentOrderTransitionException(Status, "approved",
                $"This payment order is {PaymentOrderStatusText.Describe(Status)}: {ApprovedBy} approved it at {ApprovedAt:u}. It is paid once; nothing was sent again.");
        Check.Rules(new RoleConflictRule(approver, ProjectRole.Payer, playedOnProject));
        Status = PaymentOrderStatus.Approved;
        Attempt++;
        ApprovedBy = approver;
        ApprovedAt = now;
        Version++;
    }

    /// <summary>Whether <paramref name="person"/> approved the order and it has not come back since (approved or at the treasury).</summary>
    public bool IsReleasedBy(string? person) =>
        person is not null && ApprovedBy == person && Status is PaymentOrderStatus.Approved or PaymentOrderStatus.Sent;

    /// <summary>
    /// Sends the current attempt to the treasury; sending it again (a retried step) is allowed and keeps the key.
    /// The request pays the enterprise under its registered name (<paramref name="enterpriseName"/>) to its registered
    /// account, exactly what the process ordered (<paramref name="ordered"/>) and no more than the project's reservation:
    /// when any of PayeeNotTheEnterprise, AccountNotRegistered, PaymentOrderAltered, PaymentExceedsReservation is broken
    /// the order is held with their sentences and <see cref="PaymentOrderHeldException"/> is thrown. The credit check runs
    /// again here: a sanction in force on the enterprise or the project leader (<paramref name="sanctions"/>, whenever it
    /// was recorded) holds it too (PayeeUnderSanction).
    /// </summary>
    public void Send(string enterpriseName, string? registeredAccount, Money ordered, Money reserved, DateTimeOffset now,
        IReadOnlyList<Projects.CreditSanction>? sanctions = null)
    {
        var broken = Check.Broken(
            new PayeeUnderSanctionRule(sanctions ?? [], now),
            new PayeeNotTheEnterpriseRule(Payee, enterpriseName),
            new AccountNotRegisteredRule(PayeeAccount ?? "", registeredAccount),
            new PaymentOrderAlteredRule(Amount, ordered),
            new PaymentExceedsReservationRule(reserved, ordered));
        if (broken.Count > 0) Hold(string.Join(" ", broken.Select(r => r.Message.English)), broken);
        if (Status is not (PaymentOrderStatus.Approved or PaymentOrderStatus.Sent))
            throw new PaymentOrderTransitionException(Status, "sent to the treasury");
        Status = PaymentOrderStatus.Sent;
        PaymentKey = KeyOf(Id, Attempt);
        SentAt = now;
        HoldReason = null;
        Version++;
    }

    /// <summary>The order stays as it is, unsent, with the reason; always throws <see cref="PaymentOrderHeldException"/>.</summary>
    [DoesNotReturn]
    public void Hold(string reason) => Hold(reason, []);

    [DoesNotReturn]
    private void Hold(string reason, IReadOnlyList<IFundingRule> broken)
    {
        HoldReason = Fit($"Held, not paid: {reason}", 2000);
        Version++;
        throw new PaymentOrderHeldException(HoldReason, reason, broken);
    }

    /// <summary>Whether a treasury answer carrying <paramref name="paymentKey"/> is for an earlier attempt (or comes when none is out).</summary>
    public bool IsStale(string? paymentKey) => paymentKey != PaymentKey || Status != PaymentOrderStatus.Sent;

    /// <summary>The treasury paid the current attempt.</summary>
    public void Paid(string? bankReference, DateTimeOffset now)
    {
        if (Status != PaymentOrderStatus.Sent) throw new PaymentOrderTransitionException(Status, "marked paid");
        Status = PaymentOrderStatus.Paid;
        PaidAt = now;
        BankReference = bankReference;
        RejectionReason = null;
        Version++;
    }

    /// <summary>The bank returned the current attempt: the order goes back to the finance officers with the bank's reason.</summary>
    public void RejectedByBank(string? reason)
    {
        if (Status != PaymentOrderStatus.Sent) throw new PaymentOrderTransitionException(Status, "marked rejected");
        Status = PaymentOrderStatus.Rejected;
        RejectionReason = Fit(reason ?? "The bank gave no reason.", 1000);
        Version++;
    }

    /// <summary>The project ended before this order left: only an order no one has sent (or one the bank returned) is withdrawn.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status is not (PaymentOrderStatus.AwaitingApproval or PaymentOrderStatus.Rejected))
            throw new PaymentOrderTransitionException(Status, "cancelled");
        Status = PaymentOrderStatus.Cancelled;
        CancelledAt = now;
        CancelReason = Fit(reason, 1000);
        Version++;
    }

    private static string Fit(string text, int length) => text.Length > length ? text[..length] : text;
}
