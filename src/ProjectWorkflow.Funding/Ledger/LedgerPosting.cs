namespace ProjectWorkflow.Funding.Ledger;

/// <summary>One line of an entry: an amount debited (positive) or credited (negative) to an account, per project where it has one.</summary>
public sealed record LedgerPosting(LedgerAccount Account, Guid? ApplicationId, Money Amount);

/// <summary>
/// The balanced entries the ledger knows how to make. Each moves money from one account to another, so
/// it balances by construction; <see cref="Balanced"/> refuses anything else (a corrected entry is a reversal).
/// </summary>
public static class Postings
{
    public static IReadOnlyList<LedgerPosting> Allocate(Money amount) =>
        Move(amount, from: (LedgerAccount.Appropriation, null), to: (LedgerAccount.Available, null));

    /// <summary>A budget set lower: unreserved money goes back to the fund.</summary>
    public static IReadOnlyList<LedgerPosting> Lower(Money amount) =>
        Move(amount, from: (LedgerAccount.Available, null), to: (LedgerAccount.Appropriation, null));

    public static IReadOnlyList<LedgerPosting> Reserve(Guid application, Money amount) =>
        Move(amount, from: (LedgerAccount.Available, null), to: (LedgerAccount.Reserved, application));

    public static IReadOnlyList<LedgerPosting> Pay(Guid application, Money amount) =>
        Move(amount, from: (LedgerAccount.Reserved, application), to: (LedgerAccount.Paid, application));

    public static IReadOnlyList<LedgerPosting> Release(Guid application, Money amount) =>
        Move(amount, from: (LedgerAccount.Reserved, application), to: (LedgerAccount.Available, null));

    public static IReadOnlyList<LedgerPosting> OpenRecovery(Guid application, Money amount) =>
        Move(amount, from: (LedgerAccount.Paid, application), to: (LedgerAccount.RecoveryDue, application));

    public static IReadOnlyList<LedgerPosting> ReceiveRecovery(Guid application, Money amount, string destination) =>
        Move(amount, from: (LedgerAccount.RecoveryDue, application),
            to: destination == RecoveryDestinations.Treasury ? (LedgerAccount.ReturnedToTreasury, null) : (LedgerAccount.Available, null));

    /// <summary>The correction of an entry: the same lines with the opposite sign.</summary>
    public static IReadOnlyList<LedgerPosting> Reverse(IEnumerable<LedgerPosting> postings) =>
        postings.Select(p => p with { Amount = new Money(-p.Amount.Fen) }).ToList();

    public static bool Balanced(IEnumerable<LedgerPosting> postings) => postings.Sum(p => p.Amount.Fen) == 0;

    private static IReadOnlyList<LedgerPosting> Move(Money amount, (LedgerAccount Account, Guid? Application) from, (LedgerAccount Account, Guid? Application) to)
    {
        if (amount.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A ledger entry moves a positive amount.");
        return [new LedgerPosting(to.Account, to.Application, amount), new LedgerPosting(from.Account, from.Application, new Money(-amount.Fen))];
    }
}
