using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>The ledger's self-check, fed entry by entry without a database: what it finds when the ledger no longer adds up.</summary>
public class LedgerReconciliationTests
{
    private static readonly Guid Project = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly LedgerKey Key = new("k1", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly ProjectBalances Nothing = new(Project, Money.Zero, Money.Zero, Money.Zero);

    private static LedgerBooking Booking(string reference, LedgerKey? key = null) => new(reference, "system", "test", Now, key ?? Key);

    private static LedgerReconciliation Reconciliation() => new(id => id == Key.Id ? Key.Secret : null);

    private static Budget Open() => Budget.Open(BudgetKinds.Scheme, "tech-upgrade", 2026, Now);

    [Fact]
    public void ALedgerThatAddsUp_IsClean()
    {
        var budget = Open();
        var entries = new List<LedgerEntry> { budget.SetAllocation(new Money(1_000), Booking("budget:1"))! };
        entries.Add(budget.Reserve(Project, new Money(600), Nothing, Booking("reserve:p")));
        entries.Add(budget.Pay(Project, new Money(300), ProjectBalances.Of(Project, entries[1].Lines), Booking("pay:o")));

        var check = Reconciliation();
        check.Budget(budget);
        entries.ForEach(check.Entry);
        check.Approved(Project, "TU-2026-0001", 600);

        Assert.Empty(check.Findings(treasuryStatementKept: false));
        Assert.Equal(3, check.EntriesChecked);
        Assert.Equal(1, check.BudgetsChecked);
    }

    [Fact]
    public void AnEntryThatNoLongerFitsItsChecksum_IsFound_AndSoIsOneUnderAnUnknownKey()
    {
        var budget = Open();
        var honest = budget.SetAllocation(new Money(1_000), Booking("budget:1"))!;
        var forged = budget.Reserve(Project, new Money(600), Nothing, Booking("reserve:p", new LedgerKey("k1", new byte[32])));
        var unknown = budget.Release(Project, new Money(100), ProjectBalances.Of(Project, forged.Lines), Booking("release:p", Key with { Id = "old" }));

        var check = Reconciliation();
        check.Budget(budget);
        check.Entry(honest);
        check.Entry(forged);
        check.Entry(unknown);
        var findings = check.Findings(treasuryStatementKept: false);

        Assert.Equal(["altered-entry", "unknown-checksum-key"], findings.Select(f => f.Kind));
        Assert.Contains("reserve:p", findings[0].Message);
    }

    [Fact]
    public void AnEntryRemovedBehindTheLedgersBack_ShowsAsCachedBalancesThatDifferFromTheEntries()
    {
        var budget = Open();
        var allocation = budget.SetAllocation(new Money(1_000), Booking("budget:1"))!;
        budget.Reserve(Project, new Money(600), Nothing, Booking("reserve:p")); // booked, then deleted from the ledger

        var check = Reconciliation();
        check.Budget(budget);
        check.Entry(allocation);

        Assert.Equal("balance-mismatch", Assert.Single(check.Findings(false)).Kind);
    }

    [Fact]
    public void TwoReservationsThatEachPassedAgainstTheSameBalance_AreFoundOverCommitted()
    {
        // Two copies of one budget row (a lost update): each reserved 800 of the same 1 000.
        var first = Open();
        var allocation = first.SetAllocation(new Money(1_000), Booking("budget:1"))!;
        var second = Open();
        second.SetAllocation(new Money(1_000), Booking("budget:1"));
        var other = Guid.NewGuid();
        var reserveFirst = first.Reserve(Project, new Money(800), Nothing, Booking("reserve:p"));
        var reserveSecond = second.Reserve(other, new Money(800), new ProjectBalances(other, Money.Zero, Money.Zero, Money.Zero), Booking("reserve:o"));

        var check = Reconciliation();
        check.Budget(first);
        foreach (var entry in new[] { allocation, reserveFirst, reserveSecond }) check.Entry(entry);
        var findings = check.Findings(false);

        var overCommitted = Assert.Single(findings, f => f.Kind == "over-committed");
        Assert.Contains("¥16.00", overCommitted.Message);
    }

    [Fact]
    public void APaymentBeyondTheApprovedAmount_IsFound_AndSoAreInstallmentsOrderedBeyondIt()
    {
        var budget = Open();
        var entries = new List<LedgerEntry> { budget.SetAllocation(new Money(10_000), Booking("budget:1"))! };
        entries.Add(budget.Reserve(Project, new Money(1_000), Nothing, Booking("reserve:p")));
        var order = Guid.NewGuid();
        entries.Add(budget.Pay(Project, new Money(1_000), ProjectBalances.Of(Project, entries[1].Lines), Booking($"pay:{order:N}")));

        var check = Reconciliation();
        check.Budget(budget);
        entries.ForEach(check.Entry);
        check.Order(order, Project, "TU-2026-0001", 1, 1_000);
        check.Approved(Project, "TU-2026-0001", 800);
        var kinds = check.Findings(false).Select(f => f.Kind).ToList();

        Assert.Equal(["installments-exceed-approved", "paid-beyond-approved"], kinds);
    }

    [Fact]
    public void ThePaymentsTheTreasuryMade_AreComparedWithThePaymentsBooked()
    {
        var budget = Open();
        var entries = new List<LedgerEntry> { budget.SetAllocation(new Money(10_000), Booking("budget:1"))! };
        entries.Add(budget.Reserve(Project, new Money(3_000), Nothing, Booking("reserve:p")));
        Guid booked = Guid.NewGuid(), differs = Guid.NewGuid(), notBooked = Guid.NewGuid(), notPaid = Guid.NewGuid();
        var project = ProjectBalances.Of(Project, entries[1].Lines);
        foreach (var order in new[] { booked, differs, notPaid })
        {
            var pay = budget.Pay(Project, new Money(500), project, Booking($"pay:{order:N}"));
            project = project.Apply(pay.Lines);
            entries.Add(pay);
        }

        var check = Reconciliation();
        check.Budget(budget);
        entries.ForEach(check.Entry);
        var number = 0;
        foreach (var order in new[] { booked, differs, notBooked, notPaid }) check.Order(order, Project, "TU-2026-0001", ++number, 500);
        check.PaidByTreasury(PaymentOrder.TreasuryOrderKey(booked), 500, "B1");
        check.PaidByTreasury(PaymentOrder.TreasuryOrderKey(differs), 499, "B2");
        check.PaidByTreasury(PaymentOrder.TreasuryOrderKey(notBooked), 500, "B3");
        check.PaidByTreasury("an order of another system", 500, "B4");

        Assert.Equal(["paid-differs-from-booked", "paid-not-booked"], check.Findings(treasuryStatementKept: false).Select(f => f.Kind));
        Assert.Equal(["paid-differs-from-booked", "paid-not-booked", "booked-not-paid"], check.Findings(treasuryStatementKept: true).Select(f => f.Kind));
    }
}
