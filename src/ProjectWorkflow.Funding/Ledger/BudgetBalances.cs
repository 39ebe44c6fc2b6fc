using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// A budget's balances, account by account, as the sum of its postings. <see cref="Apply"/> is the only way
/// they change, and it refuses a set of postings that would break an invariant: entries balance; nothing
/// is reserved beyond the budget (available never below zero); no project is paid beyond what is reserved
/// for it, nor claimed back beyond what it was paid.
/// </summary>
public sealed record BudgetBalances(Money Allocated, Money Available, Money Reserved, Money Paid, Money RecoveryDue, Money ReturnedToTreasury)
{
    public static BudgetBalances Empty { get; } = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>What is bound to projects: reserved, paid or being claimed back.</summary>
    public Money Committed => Reserved + Paid + RecoveryDue;

    public static BudgetBalances Of(IEnumerable<LedgerPosting> postings) =>
        postings.Aggregate(Empty, (balances, posting) => balances.Add(posting));

    /// <summary>The balances after the postings, each project's balances checked against its own (<paramref name="project"/>).</summary>
    public BudgetBalances Apply(IReadOnlyList<LedgerPosting> postings, ProjectBalances? project = null)
    {
        if (!Postings.Balanced(postings)) throw new InvalidOperationException("A ledger entry must balance: its debits and credits differ.");
        var after = postings.Aggregate(this, (balances, posting) => balances.Add(posting));
        if (after.Available.IsNegative)
            throw new FundingRuleBrokenException(new BudgetExceededRule(Available, Available - after.Available));
        if (project is not null)
        {
            var projectAfter = project.Apply(postings);
            if (projectAfter.Reserved.IsNegative)
                throw new FundingRuleBrokenException(new PaymentExceedsReservationRule(project.Reserved, project.Reserved - projectAfter.Reserved));
            if (projectAfter.Paid.IsNegative)
                throw new InvalidOperationException($"A recovery of more than was paid ({project.Paid}) cannot be opened.");
        }
        return after;
    }

    /// <summary>The balances plus the postings, unchecked: what the sums are, whatever they break (reconciliation reads them).</summary>
    public BudgetBalances Add(IEnumerable<LedgerPosting> postings) => postings.Aggregate(this, (balances, posting) => balances.Add(posting));

    private BudgetBalances Add(LedgerPosting posting) => posting.Account switch
    {
        LedgerAccount.Appropriation => this with { Allocated = Allocated - posting.Amount },
        LedgerAccount.Available => this with { Available = Available + posting.Amount },
        LedgerAccount.Reserved => this with { Reserved = Reserved + posting.Amount },
        LedgerAccount.Paid => this with { Paid = Paid + posting.Amount },
        LedgerAccount.RecoveryDue => this with { RecoveryDue = RecoveryDue + posting.Amount },
        LedgerAccount.ReturnedToTreasury => this with { ReturnedToTreasury = ReturnedToTreasury + posting.Amount },
        _ => throw new ArgumentOutOfRangeException(nameof(posting), posting.Account, "Unknown ledger account."),
    };

    /// <summary>The accounts' identity: whatever was allocated is available, reserved, paid, being recovered or returned.</summary>
    public bool AddsUp => Available + Reserved + Paid + RecoveryDue + ReturnedToTreasury == Allocated;
}

/// <summary>One project's balances within its budget: reserved for it, paid to it, claimed back from it.</summary>
public sealed record ProjectBalances(Guid ApplicationId, Money Reserved, Money Paid, Money RecoveryDue)
{
    public static ProjectBalances Of(Guid applicationId, IEnumerable<LedgerPosting> postings) =>
        new ProjectBalances(applicationId, Money.Zero, Money.Zero, Money.Zero).Apply(postings);

    public ProjectBalances Apply(IEnumerable<LedgerPosting> postings)
    {
        var result = this;
        foreach (var p in postings.Where(p => p.ApplicationId == ApplicationId))
            result = p.Account switch
            {
                LedgerAccount.Reserved => result with { Reserved = result.Reserved + p.Amount },
                LedgerAccount.Paid => result with { Paid = result.Paid + p.Amount },
                LedgerAccount.RecoveryDue => result with { RecoveryDue = result.RecoveryDue + p.Amount },
                _ => result,
            };
        return result;
    }
}
