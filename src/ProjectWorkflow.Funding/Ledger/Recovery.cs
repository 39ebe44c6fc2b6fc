namespace ProjectWorkflow.Funding.Ledger;

/// <summary>A clawback (追回) of money paid beyond what a project is entitled to: outstanding until its money comes back, received once.</summary>
public sealed class Recovery
{
    public const string Outstanding = "outstanding";
    public const string Received = "received";

    private Recovery()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string ApplicationNumber { get; private set; } = "";
    public long BudgetId { get; private set; }
    public long AmountFen { get; private set; }
    public string Reason { get; private set; } = "";
    public string Status { get; private set; } = Outstanding;
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public string? ReceivedBy { get; private set; }

    /// <summary>Where the money went once received (the rule set's <c>recoveryReturnsTo</c>): budget or treasury.</summary>
    public string? ReturnedTo { get; private set; }
    public long Version { get; private set; }

    public Money Amount => new(AmountFen);

    public bool IsOutstanding => Status == Outstanding;

    /// <summary>Claims back <paramref name="owed"/> from a project; the ledger entry is booked with <see cref="Budget.OpenRecovery"/>.</summary>
    public static Recovery Open(Guid applicationId, string applicationNumber, long budgetId, Money owed, string reason, DateTimeOffset now)
    {
        if (owed.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(owed), owed, "A recovery claims back a positive amount.");
        return new Recovery
        {
            Id = Guid.NewGuid(), ApplicationId = applicationId, ApplicationNumber = applicationNumber, BudgetId = budgetId,
            AmountFen = owed.Fen, Reason = reason, OpenedAt = now,
        };
    }

    /// <summary>The money came back, to <paramref name="destination"/>; recorded once.</summary>
    public void Receive(string by, string destination, DateTimeOffset now)
    {
        if (!IsOutstanding) throw new InvalidOperationException($"This recovery was already received by {ReceivedBy} at {ReceivedAt:u}; it is booked once.");
        Status = Received;
        ReceivedAt = now;
        ReceivedBy = by;
        ReturnedTo = destination;
        Version++;
    }
}
