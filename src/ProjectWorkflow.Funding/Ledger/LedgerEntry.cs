namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// One entry of the ledger: balanced postings with the checksum written when it was booked; never changed or deleted
/// (every member is read-only once booked). A correction is a reversing entry. Entries are made only by
/// <see cref="Budget"/>, whose balances move with them.
/// </summary>
public sealed class LedgerEntry
{
    private readonly List<LedgerEntryPosting> _postings = [];

    private LedgerEntry()
    {
    }

    public long Id { get; private set; }
    public long BudgetId { get; private set; }
    public Guid? ApplicationId { get; private set; }
    public string Kind { get; private set; } = "";

    /// <summary>Unique: the same business fact (a reservation, one order's payment) is booked once, however often a step runs.</summary>
    public string Reference { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string Actor { get; private set; } = "";

    /// <summary>When it was booked, to the millisecond (the audit log's digest of the row survives every database's round trip).</summary>
    public DateTimeOffset At { get; private set; }
    public long? ReversesEntryId { get; private set; }
    public string Checksum { get; private set; } = "";

    /// <summary>The audit key (<c>Audit:Keys:&lt;id&gt;</c>) the checksum was keyed with.</summary>
    public string ChecksumKeyId { get; private set; } = "";

    public IReadOnlyList<LedgerEntryPosting> Postings => _postings;

    /// <summary>The entry's lines as the ledger's arithmetic reads them.</summary>
    public IReadOnlyList<LedgerPosting> Lines => _postings.Select(p => p.ToPosting()).ToList();

    /// <summary>Whether the content still matches the checksum made with <paramref name="key"/> when it was booked.</summary>
    public bool FitsChecksum(byte[] key) =>
        LedgerChecksum.Of(key, BudgetId, Kind, Reference, ApplicationId, Lines) == Checksum;

    internal static LedgerEntry Book(long budgetId, string kind, Guid? applicationId, IReadOnlyList<LedgerPosting> postings, LedgerBooking booking, long? reverses)
    {
        var entry = new LedgerEntry
        {
            BudgetId = budgetId,
            ApplicationId = applicationId,
            Kind = kind,
            Reference = booking.Reference,
            Reason = booking.Reason,
            Actor = booking.Actor,
            At = new DateTimeOffset(booking.At.UtcTicks - booking.At.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
            ReversesEntryId = reverses,
            Checksum = LedgerChecksum.Of(booking.Key.Secret, budgetId, kind, booking.Reference, applicationId, postings),
            ChecksumKeyId = booking.Key.Id,
        };
        entry._postings.AddRange(postings.Select(p => new LedgerEntryPosting(budgetId, p)));
        return entry;
    }
}

/// <summary>One posting of a booked entry as it is saved (a row of its own): the account by name, the amount in fen.</summary>
public sealed class LedgerEntryPosting
{
    private LedgerEntryPosting()
    {
    }

    internal LedgerEntryPosting(long budgetId, LedgerPosting posting)
    {
        BudgetId = budgetId;
        Account = posting.Account.ToString();
        ApplicationId = posting.ApplicationId;
        AmountFen = posting.Amount.Fen;
    }

    public long Id { get; private set; }
    public long EntryId { get; private set; }
    public long BudgetId { get; private set; }
    public string Account { get; private set; } = "";
    public Guid? ApplicationId { get; private set; }
    public long AmountFen { get; private set; }

    public LedgerPosting ToPosting() => new(Enum.Parse<LedgerAccount>(Account), ApplicationId, new Money(AmountFen));
}
