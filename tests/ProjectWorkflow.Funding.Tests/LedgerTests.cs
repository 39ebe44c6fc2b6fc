using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Tests;

/// <summary>The ledger's arithmetic and its refusals: every entry balances, and no posting may over-commit or overpay.</summary>
public class LedgerTests
{
    private static readonly Guid Project = Guid.NewGuid();

    private static BudgetBalances Funded(long fen) => BudgetBalances.Empty.Apply(Postings.Allocate(new Money(fen)));

    [Fact]
    public void EveryKindOfEntry_Balances_AndTheAccountsAddUpToTheAllocation()
    {
        var p = Project;
        var entries = new[]
        {
            Postings.Allocate(new Money(1_000)), Postings.Reserve(p, new Money(600)), Postings.Pay(p, new Money(300)),
            Postings.Release(p, new Money(100)), Postings.OpenRecovery(p, new Money(50)),
            Postings.ReceiveRecovery(p, new Money(20), RecoveryDestinations.Budget), Postings.ReceiveRecovery(p, new Money(30), RecoveryDestinations.Treasury),
        };
        Assert.All(entries, e => Assert.True(Postings.Balanced(e)));

        var balances = entries.Aggregate(BudgetBalances.Empty, (b, e) => b.Apply(e));

        Assert.Equal(new BudgetBalances(new Money(1_000), new Money(520), new Money(200), new Money(250), Money.Zero, new Money(30)), balances);
        Assert.True(balances.AddsUp);
        Assert.Equal(balances, BudgetBalances.Of(entries.SelectMany(e => e)));
    }

    [Fact]
    public void AReservationBeyondTheBudget_IsRefusedByTheBudgetExceededRule()
    {
        var budget = Funded(1_000).Apply(Postings.Reserve(Guid.NewGuid(), new Money(700)));

        var refused = Assert.Throws<FundingRuleBrokenException>(() => budget.Apply(Postings.Reserve(Project, new Money(301))));

        Assert.Equal("BudgetExceeded", refused.RuleName);
        Assert.Contains("¥3.00", refused.Rule.Message.English);
        Assert.Equal(new Money(0), budget.Apply(Postings.Reserve(Project, new Money(300))).Available);
    }

    [Fact]
    public void APaymentBeyondTheProjectsReservation_IsRefused_EvenWhenTheBudgetHasRoom()
    {
        var budget = Funded(10_000).Apply(Postings.Reserve(Project, new Money(500)));
        var project = ProjectBalances.Of(Project, Postings.Reserve(Project, new Money(500)));

        var refused = Assert.Throws<FundingRuleBrokenException>(() => budget.Apply(Postings.Pay(Project, new Money(501)), project));

        Assert.Equal("PaymentExceedsReservation", refused.RuleName);
        Assert.Equal(new Money(500), budget.Apply(Postings.Pay(Project, new Money(500)), project).Paid);
    }

    [Fact]
    public void AnUnbalancedEntry_IsRefused_AndAReversalUndoesAnEntry()
    {
        var lopsided = new[] { new LedgerPosting(LedgerAccount.Available, null, new Money(100)) };
        Assert.Throws<InvalidOperationException>(() => BudgetBalances.Empty.Apply(lopsided));

        var reserve = Postings.Reserve(Project, new Money(400));
        var budget = Funded(1_000);
        Assert.Equal(budget, budget.Apply(reserve).Apply(Postings.Reverse(reserve)));
    }

    [Fact]
    public void TheChecksum_ChangesWithAnyPartOfTheEntry()
    {
        var reserve = Postings.Reserve(Project, new Money(400));
        var checksum = LedgerChecksum.Of(Key, 1, LedgerEntryKinds.Reserve, "reserve:x", Project, reserve);

        Assert.Equal(checksum, LedgerChecksum.Of(Key, 1, LedgerEntryKinds.Reserve, "reserve:x", Project, reserve.Reverse().ToList()));
        Assert.NotEqual(checksum, LedgerChecksum.Of(Key, 1, LedgerEntryKinds.Reserve, "reserve:x", Project, Postings.Reserve(Project, new Money(401))));
        Assert.NotEqual(checksum, LedgerChecksum.Of(Key, 2, LedgerEntryKinds.Reserve, "reserve:x", Project, reserve));
        Assert.NotEqual(checksum, LedgerChecksum.Of(Key, 1, LedgerEntryKinds.Release, "reserve:x", Project, reserve));
    }

    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void TheChecksum_CannotBeRecomputedWithoutTheKey()
    {
        var reserve = Postings.Reserve(Project, new Money(400));
        var checksum = LedgerChecksum.Of(Key, 1, LedgerEntryKinds.Reserve, "reserve:x", Project, reserve);

        Assert.NotEqual(checksum, LedgerChecksum.Of(Key.Reverse().ToArray(), 1, LedgerEntryKinds.Reserve, "reserve:x", Project, reserve));
        var unkeyed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"1|{LedgerEntryKinds.Reserve}|reserve:x|{Project:N}|Available:-:-400|Reserved:{Project:N}:400")));
        Assert.NotEqual(unkeyed, checksum);
    }

    [Fact]
    public void ABudgetSetBelowWhatItBinds_IsRefused()
    {
        Assert.True(new BudgetBelowCommittedRule(new Money(500), new Money(499)).IsBroken());
        Assert.False(new BudgetBelowCommittedRule(new Money(500), new Money(500)).IsBroken());
    }

    [Fact]
    public void Installments_AreTheRuleSetsShares_ThenTheAcceptedAmountLessWhatWasOrdered()
    {
        var approved = new Money(1_000_001);
        int[] halves = [50, 50];

        Assert.Equal(new Money(500_000), InstallmentDue.Next(1, approved, null, Money.Zero, halves));
        Assert.Equal(Money.Zero, InstallmentDue.Next(2, approved, null, new Money(500_000), halves)); // the last waits for acceptance
        Assert.Equal(new Money(300_000), InstallmentDue.Next(2, approved, new Money(800_000), new Money(500_000), halves)); // cut pro rata
        Assert.Equal(Money.Zero, InstallmentDue.Next(2, approved, new Money(400_000), new Money(500_000), halves)); // overpaid: recovery, not payment
        Assert.Equal(new Money(500_001), InstallmentDue.Next(2, approved, new Money(2_000_000), new Money(500_000), halves)); // never beyond approved
        Assert.Equal(Money.Zero, InstallmentDue.Next(1, approved, null, Money.Zero, [100])); // paid once, after completion
    }
}
