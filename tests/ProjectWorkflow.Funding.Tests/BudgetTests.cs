using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>A scheme-year's budget: its balances move only with the entries it books, and never past what it holds or binds.</summary>
public class BudgetTests
{
    private static readonly Guid Project = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly LedgerKey Key = new("k1", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly ProjectBalances Nothing = new(Project, Money.Zero, Money.Zero, Money.Zero);

    private static LedgerBooking Booking(string reference) => new(reference, "admin1", "appropriation 2026-17", Now, Key);

    private static Budget Funded(long fen)
    {
        var budget = Budget.Open(BudgetKinds.Scheme, "tech-upgrade", 2026, Now);
        budget.SetAllocation(new Money(fen), Booking("budget:1"));
        return budget;
    }

    [Fact]
    public void AReservation_MovesMoneyFromAvailableToTheProject_AndBooksABalancedEntryWithItsChecksum()
    {
        var budget = Funded(1_000);
        var version = budget.Version;

        var entry = budget.Reserve(Project, new Money(600), Nothing, Booking("reserve:p"));

        Assert.Equal(new Money(400), budget.Balances.Available);
        Assert.Equal(new Money(600), budget.Balances.Reserved);
        Assert.True(budget.Balances.AddsUp);
        Assert.True(budget.Version > version);
        Assert.Equal(LedgerEntryKinds.Reserve, entry.Kind);
        Assert.Equal("reserve:p", entry.Reference);
        Assert.True(Postings.Balanced(entry.Lines));
        Assert.Equal("k1", entry.ChecksumKeyId);
        Assert.True(entry.FitsChecksum(Key.Secret));
    }

    [Fact]
    public void AReservationBeyondWhatIsAvailable_IsRefusedByTheBudgetExceededRule_AndChangesNothing()
    {
        var budget = Funded(1_000);
        budget.Reserve(Guid.NewGuid(), new Money(700), new ProjectBalances(Guid.NewGuid(), Money.Zero, Money.Zero, Money.Zero), Booking("reserve:a"));
        var before = budget.Balances;
        var version = budget.Version;

        var refused = Assert.Throws<FundingRuleBrokenException>(() => budget.Reserve(Project, new Money(301), Nothing, Booking("reserve:p")));

        Assert.Equal("BudgetExceeded", refused.RuleName);
        Assert.Equal(before, budget.Balances);
        Assert.Equal(version, budget.Version);
    }

    [Fact]
    public void ABudgetSetBelowWhatIsBound_IsRefused_ButMayBeLoweredToIt()
    {
        var budget = Funded(1_000);
        budget.Reserve(Project, new Money(600), Nothing, Booking("reserve:p"));

        var refused = Assert.Throws<FundingRuleBrokenException>(() => budget.SetAllocation(new Money(599), Booking("budget:2")));
        Assert.Equal("BudgetBelowCommitted", refused.RuleName);

        var lowered = budget.SetAllocation(new Money(600), Booking("budget:3"));
        Assert.Equal(LedgerEntryKinds.Lower, lowered!.Kind);
        Assert.Equal(Money.Zero, budget.Balances.Available);
        Assert.Null(budget.SetAllocation(new Money(600), Booking("budget:4"))); // no change, nothing booked

        var raised = budget.RaiseAllocation(new Money(250), Booking("budget:5"));
        Assert.Equal(LedgerEntryKinds.Allocate, raised!.Kind);
        Assert.Equal(new Money(850), budget.Balances.Allocated);
    }

    [Fact]
    public void APaymentBeyondTheProjectsReservation_IsRefused_EvenWhenTheBudgetHasRoom()
    {
        var budget = Funded(10_000);
        var reserve = budget.Reserve(Project, new Money(500), Nothing, Booking("reserve:p"));
        var project = ProjectBalances.Of(Project, reserve.Lines);

        var refused = Assert.Throws<FundingRuleBrokenException>(() => budget.Pay(Project, new Money(501), project, Booking("pay:o")));

        Assert.Equal("PaymentExceedsReservation", refused.RuleName);
        budget.Pay(Project, new Money(500), project, Booking("pay:o"));
        Assert.Equal(new Money(500), budget.Balances.Paid);
    }

    [Fact]
    public void ARecovery_ClaimsBackWhatWasPaid_AndItsMoneyReturnsToTheBudgetOrTheTreasury()
    {
        var budget = Funded(1_000);
        var project = ProjectBalances.Of(Project, budget.Reserve(Project, new Money(600), Nothing, Booking("reserve:p")).Lines);
        project = project.Apply(budget.Pay(Project, new Money(600), project, Booking("pay:o")).Lines);
        Assert.Throws<InvalidOperationException>(() => budget.OpenRecovery(Project, new Money(601), project, Booking("recovery-open:x")));

        project = project.Apply(budget.OpenRecovery(Project, new Money(200), project, Booking("recovery-open:r")).Lines);
        budget.ReceiveRecovery(Project, new Money(150), RecoveryDestinations.Budget, project, Booking("recovery-received:r1"));
        budget.ReceiveRecovery(Project, new Money(50), RecoveryDestinations.Treasury, project, Booking("recovery-received:r2"));

        Assert.Equal(new BudgetBalances(new Money(1_000), new Money(550), Money.Zero, new Money(400), Money.Zero, new Money(50)), budget.Balances);

        var recovery = Recovery.Open(Project, "TU-2026-0001", budget.Id, new Money(200), "accepted at less", Now);
        recovery.Receive("finance1", RecoveryDestinations.Budget, Now);
        Assert.False(recovery.IsOutstanding);
        Assert.Throws<InvalidOperationException>(() => recovery.Receive("finance2", RecoveryDestinations.Budget, Now));
    }

    [Fact]
    public void AReversal_BooksTheOppositeLines_AndIsNotItselfReversed()
    {
        var budget = Funded(1_000);
        var before = budget.Balances;
        var reserve = budget.Reserve(Project, new Money(400), Nothing, Booking("reserve:p"));

        var reversal = budget.Reverse(reserve, ProjectBalances.Of(Project, reserve.Lines), Booking("reverse:1"));

        Assert.Equal(before, budget.Balances);
        Assert.Equal(LedgerEntryKinds.Reversal, reversal.Kind);
        Assert.Throws<InvalidOperationException>(() => budget.Reverse(reversal, Nothing, Booking("reverse:2")));
    }

    [Fact]
    public void AnEntry_IsBookedToTheMillisecond()
    {
        var budget = Budget.Open(BudgetKinds.Scheme, "tech-upgrade", 2026, Now);
        var entry = budget.SetAllocation(new Money(1), new LedgerBooking("budget:1", "admin1", "r", Now.AddTicks(1234), Key))!;

        Assert.Equal(Now.AddTicks(0), entry.At);
    }
}
