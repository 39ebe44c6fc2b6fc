using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>A payment order's life: made for an installment, approved by a finance officer, sent once per approval, paid or returned by the bank.</summary>
public class PaymentOrderTests
{
    private static readonly Guid Project = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private const string Enterprise = "Suzhou Precision Gear Co., Ltd.";
    private const string Account = "6222000000001234567";

    private static PaymentOrder Ordered(long fen = 500_000, long approved = 1_000_000, long reserved = 1_000_000, long alreadyOrdered = 0) =>
        PaymentOrder.ForInstallment(Project, "TU-2026-0001", "tech-upgrade", 2026, 1, new Money(fen), new Money(approved), new Money(alreadyOrdered),
            new Money(reserved), Enterprise, Account, Guid.NewGuid(), Now);

    private static void SendIt(PaymentOrder order) => order.Send(Enterprise, Account, order.Amount, new Money(1_000_000), Now);

    [Fact]
    public void APaymentOrder_IsSentOncePerApproval_AndApprovedAgainOnlyAfterARejection()
    {
        var order = Ordered();
        Assert.Equal(PaymentOrderStatus.AwaitingApproval, order.Status);

        order.Approve("finance1", [], Now);
        Assert.Equal("finance1", order.ApprovedBy);
        Assert.Throws<PaymentOrderTransitionException>(() => order.Approve("finance1", [], Now));
        SendIt(order);
        SendIt(order); // a retried step: same attempt, same key
        Assert.Equal(1, order.Attempt);
        Assert.Equal(PaymentOrder.KeyOf(order.Id, 1), order.PaymentKey);
        var twice = Assert.Throws<PaymentOrderTransitionException>(() => order.Approve("finance1", [], Now));
        Assert.Contains("paid once", twice.Message);

        order.RejectedByBank("account closed");
        Assert.Equal("account closed", order.RejectionReason);
        order.Approve("finance2", [], Now);
        Assert.Equal(2, order.Attempt);
        SendIt(order);
        Assert.NotEqual(PaymentOrder.KeyOf(order.Id, 1), order.PaymentKey);

        Assert.False(order.IsStale(order.PaymentKey));
        Assert.True(order.IsStale(PaymentOrder.KeyOf(order.Id, 1)));
        order.Paid("BANK-77", Now);
        Assert.Equal(PaymentOrderStatus.Paid, order.Status);
        Assert.Null(order.RejectionReason);
        var paid = Assert.Throws<PaymentOrderTransitionException>(() => order.Approve("finance2", [], Now));
        Assert.Contains("paid", paid.Message);
        Assert.Throws<PaymentOrderTransitionException>(() => order.RejectedByBank("late"));
        Assert.Throws<PaymentOrderTransitionException>(() => order.Cancel("project ended", Now));
    }

    [Fact]
    public void EveryMove_ChangesTheOrdersVersion()
    {
        var order = Ordered();
        var versions = new List<long> { order.Version };
        order.Approve("finance1", [], Now);
        versions.Add(order.Version);
        SendIt(order);
        versions.Add(order.Version);
        order.Paid("BANK-1", Now);
        versions.Add(order.Version);

        Assert.Equal(versions.Distinct().Count(), versions.Count);
    }

    [Fact]
    public void AnInstallmentBeyondTheApprovedAmount_OrTheReservation_IsNotOrdered()
    {
        var beyondApproved = Assert.Throws<FundingRuleBrokenException>(() => Ordered(fen: 600_000, alreadyOrdered: 500_000));
        Assert.Equal("InstallmentsExceedApproved", beyondApproved.RuleName);

        var beyondReserved = Assert.Throws<FundingRuleBrokenException>(() => Ordered(fen: 500_000, reserved: 499_999));
        Assert.Equal("PaymentExceedsReservation", beyondReserved.RuleName);
    }

    [Fact]
    public void AFinanceOfficerWhoPlayedAnotherPart_CannotApprove()
    {
        var order = Ordered();

        var refused = Assert.Throws<FundingRuleBrokenException>(() => order.Approve("reviewer1", [ProjectRole.Approver], Now));

        Assert.Equal("RoleConflict", refused.RuleName);
        Assert.Equal(PaymentOrderStatus.AwaitingApproval, order.Status);
        order.Approve("finance1", [ProjectRole.Payer], Now); // approving another installment is the same part
        Assert.Equal(PaymentOrderStatus.Approved, order.Status);
    }

    [Theory]
    [InlineData("Someone Else Trading Ltd.", Account, 500_000, "PayeeNotTheEnterprise")]
    [InlineData(Enterprise, "6222000099998888777", 500_000, "AccountNotRegistered")]
    [InlineData(Enterprise, Account, 400_000, "PaymentOrderAltered")]
    public void AnOrderThatNoLongerMatchesWhatWasApproved_IsHeldWithTheRule_NotSent(string registeredName, string registeredAccount, long processOrdered, string rule)
    {
        var order = Ordered();
        order.Approve("finance1", [], Now);

        var held = Assert.Throws<PaymentOrderHeldException>(() => order.Send(registeredName, registeredAccount, new Money(processOrdered), new Money(1_000_000), Now));

        Assert.Contains(held.Broken, r => r.GetType().Name == rule + "Rule");
        Assert.StartsWith("Held, not paid: ", order.HoldReason);
        Assert.Equal(held.Message, order.HoldReason);
        Assert.Equal(PaymentOrderStatus.Approved, order.Status);
        Assert.Null(order.PaymentKey);
    }

    [Fact]
    public void AnOrderBeyondWhatIsStillReserved_IsHeld()
    {
        var order = Ordered();
        order.Approve("finance1", [], Now);

        var held = Assert.Throws<PaymentOrderHeldException>(() => order.Send(Enterprise, Account, order.Amount, new Money(499_999), Now));

        Assert.IsType<PaymentExceedsReservationRule>(Assert.Single(held.Broken));
    }

    [Fact]
    public void AnOrderNobodySent_IsCancelledWhenTheProjectEnds_AndIsThenNeverApproved()
    {
        var order = Ordered();
        order.Cancel(new string('x', 1200), Now);

        Assert.Equal(PaymentOrderStatus.Cancelled, order.Status);
        Assert.Equal(1000, order.CancelReason!.Length);
        var refused = Assert.Throws<PaymentOrderTransitionException>(() => order.Approve("finance1", [], Now));
        Assert.Contains("will not be paid", refused.Message);

        var sent = Ordered();
        sent.Approve("finance1", [], Now);
        SendIt(sent);
        Assert.Throws<PaymentOrderTransitionException>(() => sent.Cancel("project ended", Now));
    }

    [Fact]
    public void TheStatusText_IsOneMapping_BothWays()
    {
        foreach (var status in Enum.GetValues<PaymentOrderStatus>())
            Assert.Equal(status, PaymentOrderStatusText.Parse(PaymentOrderStatusText.Of(status)));
        Assert.Equal("awaiting-approval", PaymentOrderStatusText.Of(PaymentOrderStatus.AwaitingApproval));
        Assert.False(PaymentOrderStatusText.TryParse("AwaitingApproval", out _));
    }

    [Fact]
    public void ACreditSanctionRecordedAfterApproval_HoldsThePayment_WithTheReason_AndAnExpiredOneDoesNot()
    {
        var order = Ordered();
        order.Approve("finance1", [], Now);
        var sanction = new Projects.CreditSanction("310101198001010011", Projects.CreditSanction.Leader, Now.AddDays(-1), Now.AddYears(3), "false invoices on another project");
        var held = Assert.Throws<PaymentOrderHeldException>(() => order.Send(Enterprise, Account, order.Amount, new Money(1_000_000), Now, [sanction]));
        Assert.Equal("PayeeUnderSanction", Assert.Single(held.Broken).GetType().Name[..^4]);
        Assert.Contains("false invoices on another project", order.HoldReason);
        Assert.Equal(PaymentOrderStatus.Approved, order.Status);

        var ended = new Projects.CreditSanction("91310000MA1FL4UJ5Y", Projects.CreditSanction.Enterprise, Now.AddYears(-4), Now.AddYears(-1), "old");
        order.Send(Enterprise, Account, order.Amount, new Money(1_000_000), Now, [ended]);
        Assert.Equal(PaymentOrderStatus.Sent, order.Status);
        Assert.Null(order.HoldReason);
    }
}
