using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>What a budget belongs to: a scheme today; voucher programmes later share the same key.</summary>
public static class BudgetKinds
{
    public const string Scheme = "scheme";
}

/// <summary>
/// One budget (a scheme's money for a year) and its balances cached from the ledger. The balances change
/// only with an entry, in the same transaction, and the row's <see cref="Version"/> makes two entries against
/// one budget at the same moment a conflict for one of them: a lost race retries, it never over-commits.
/// </summary>
public sealed class BudgetRecord
{
    public long Id { get; set; }
    public string Kind { get; set; } = BudgetKinds.Scheme;

    /// <summary>The scheme key (or, later, the voucher programme's key).</summary>
    public string OwnerKey { get; set; } = "";
    public int Year { get; set; }

    public long AllocatedFen { get; set; }
    public long AvailableFen { get; set; }
    public long ReservedFen { get; set; }
    public long PaidFen { get; set; }
    public long RecoveryDueFen { get; set; }
    public long ReturnedToTreasuryFen { get; set; }

    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public BudgetBalances Balances
    {
        get => new(new Money(AllocatedFen), new Money(AvailableFen), new Money(ReservedFen), new Money(PaidFen), new Money(RecoveryDueFen), new Money(ReturnedToTreasuryFen));
        set
        {
            AllocatedFen = value.Allocated.Fen;
            AvailableFen = value.Available.Fen;
            ReservedFen = value.Reserved.Fen;
            PaidFen = value.Paid.Fen;
            RecoveryDueFen = value.RecoveryDue.Fen;
            ReturnedToTreasuryFen = value.ReturnedToTreasury.Fen;
        }
    }
}

/// <summary>One entry of the ledger: balanced postings, never changed or deleted; a correction is a reversing entry.</summary>
public sealed class LedgerEntryRecord
{
    public long Id { get; set; }
    public long BudgetId { get; set; }
    public Guid? ApplicationId { get; set; }
    public string Kind { get; set; } = "";

    /// <summary>Unique: the same business fact (a reservation, one order's payment) is booked once, however often a step runs.</summary>
    public string Reference { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public long? ReversesEntryId { get; set; }
    public string Checksum { get; set; } = "";

    /// <summary>The audit key (<c>Audit:Keys:&lt;id&gt;</c>) the checksum was keyed with.</summary>
    public string ChecksumKeyId { get; set; } = "";
    public List<LedgerPostingRecord> Postings { get; set; } = [];
}

public sealed class LedgerPostingRecord
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public long BudgetId { get; set; }
    public string Account { get; set; } = "";
    public Guid? ApplicationId { get; set; }
    public long AmountFen { get; set; }

    public LedgerPosting ToPosting() => new(Enum.Parse<LedgerAccount>(Account), ApplicationId, new Money(AmountFen));
}
