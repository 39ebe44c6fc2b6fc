using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Ledger;

/// <summary>What a budget belongs to: a project scheme or a voucher scheme; with the owner key and year, its key.</summary>
public static class BudgetKinds
{
    public const string Scheme = "scheme";

    /// <summary>A voucher scheme-year (innovation-voucher, four-new-voucher): quotas are reserved at grant, released at lapse, paid at settlement.</summary>
    public const string Voucher = "voucher";
}

/// <summary>
/// One budget (a scheme's money for a year) and its balances cached from the ledger. The balances change only through
/// its methods, each booking the ledger entry that moves them (refused if an invariant would break: BudgetExceeded,
/// PaymentExceedsReservation, BudgetBelowCommitted), and every entry moves the row's <see cref="Version"/>, so two
/// entries against one budget at the same moment are a conflict for one of them: a lost race retries, it never over-commits.
/// A project's balances (<see cref="ProjectBalances"/>, from the ledger) are passed in where an entry touches a project.
/// </summary>
public sealed class Budget
{
    private Budget()
    {
    }

    public long Id { get; private set; }
    public string Kind { get; private set; } = BudgetKinds.Scheme;

    /// <summary>The scheme key (or, later, the voucher programme's key).</summary>
    public string OwnerKey { get; private set; } = "";
    public int Year { get; private set; }

    public long AllocatedFen { get; private set; }
    public long AvailableFen { get; private set; }
    public long ReservedFen { get; private set; }
    public long PaidFen { get; private set; }
    public long RecoveryDueFen { get; private set; }
    public long ReturnedToTreasuryFen { get; private set; }

    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public BudgetBalances Balances =>
        new(new Money(AllocatedFen), new Money(AvailableFen), new Money(ReservedFen), new Money(PaidFen), new Money(RecoveryDueFen), new Money(ReturnedToTreasuryFen));

    /// <summary>A budget with nothing allocated yet (the allocation is an entry like any other).</summary>
    public static Budget Open(string kind, string ownerKey, int year, DateTimeOffset now) =>
        new() { Kind = kind, OwnerKey = ownerKey, Year = year, UpdatedAt = now };

    /// <summary>
    /// Sets the allocation to a total: more is allocated, or unreserved money given back to the fund; never below what
    /// is bound to projects (BudgetBelowCommitted). Null when the total does not change (nothing is booked).
    /// </summary>
    public LedgerEntry? SetAllocation(Money wanted, LedgerBooking booking)
    {
        var balances = Balances;
        Check.Rules(new BudgetBelowCommittedRule(balances.Allocated - balances.Available, wanted));
        var change = wanted - balances.Allocated;
        if (change.Fen == 0) return null;
        return change.Fen > 0
            ? Book(LedgerEntryKinds.Allocate, null, Postings.Allocate(change), null, booking)
            : Book(LedgerEntryKinds.Lower, null, Postings.Lower(new Money(-change.Fen)), null, booking);
    }

    /// <summary>Raises the allocation by <paramref name="by"/>.</summary>
    public LedgerEntry? RaiseAllocation(Money by, LedgerBooking booking) =>
        SetAllocation(new Money(checked(AllocatedFen + by.Fen)), booking);

    /// <summary>Reserves a project's approved amount; refused by BudgetExceeded beyond what is available.</summary>
    public LedgerEntry Reserve(Guid application, Money amount, ProjectBalances project, LedgerBooking booking) =>
        Book(LedgerEntryKinds.Reserve, application, Postings.Reserve(application, amount), project, booking);

    /// <summary>Gives back to the budget what is reserved for a project and will not be paid.</summary>
    public LedgerEntry Release(Guid application, Money amount, ProjectBalances project, LedgerBooking booking) =>
        Book(LedgerEntryKinds.Release, application, Postings.Release(application, amount), project, booking);

    /// <summary>Books a payment against the project's reservation; refused by PaymentExceedsReservation beyond it.</summary>
    public LedgerEntry Pay(Guid application, Money amount, ProjectBalances project, LedgerBooking booking) =>
        Book(LedgerEntryKinds.Pay, application, Postings.Pay(application, amount), project, booking);

    /// <summary>Claims back (追回) part of what a project was paid; never more than it was paid.</summary>
    public LedgerEntry OpenRecovery(Guid application, Money amount, ProjectBalances project, LedgerBooking booking) =>
        Book(LedgerEntryKinds.OpenRecovery, application, Postings.OpenRecovery(application, amount), project, booking);

    /// <summary>A recovery's money came back: to the budget, or to the treasury (<see cref="RecoveryDestinations"/>).</summary>
    public LedgerEntry ReceiveRecovery(Guid application, Money amount, string destination, ProjectBalances project, LedgerBooking booking) =>
        Book(LedgerEntryKinds.ReceiveRecovery, application, Postings.ReceiveRecovery(application, amount, destination), project, booking);

    /// <summary>Corrects an entry of this budget the only way the ledger allows: the same lines with the opposite sign.</summary>
    public LedgerEntry Reverse(LedgerEntry entry, ProjectBalances? project, LedgerBooking booking)
    {
        if (entry.BudgetId != Id) throw new InvalidOperationException($"Entry {entry.Id} belongs to another budget.");
        if (entry.Kind == LedgerEntryKinds.Reversal) throw new InvalidOperationException("A reversal is not reversed; book the correct entry instead.");
        return Book(LedgerEntryKinds.Reversal, entry.ApplicationId, Postings.Reverse(entry.Lines), project, booking, reverses: entry.Id);
    }

    private LedgerEntry Book(string kind, Guid? application, IReadOnlyList<LedgerPosting> postings, ProjectBalances? project, LedgerBooking booking, long? reverses = null)
    {
        var after = Balances.Apply(postings, project);
        AllocatedFen = after.Allocated.Fen;
        AvailableFen = after.Available.Fen;
        ReservedFen = after.Reserved.Fen;
        PaidFen = after.Paid.Fen;
        RecoveryDueFen = after.RecoveryDue.Fen;
        ReturnedToTreasuryFen = after.ReturnedToTreasury.Fen;
        Version++;
        UpdatedAt = booking.At;
        return LedgerEntry.Book(Id, kind, application, postings, booking, reverses);
    }
}
