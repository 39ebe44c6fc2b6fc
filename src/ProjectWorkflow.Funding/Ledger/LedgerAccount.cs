namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// The accounts of one budget's ledger. A posting's amount is signed: positive debits the account,
/// negative credits it, and every entry's postings add up to zero. The appropriation (the city's fund
/// that allocates the budget) carries the credit side; every other account holds a debit balance:
/// <c>available + reserved + paid + recoveryDue + returnedToTreasury = allocated</c>.
/// </summary>
public enum LedgerAccount
{
    /// <summary>The fund's side of every allocation: its balance is minus the budget allocated.</summary>
    Appropriation,

    /// <summary>Budget not yet reserved for any project.</summary>
    Available,

    /// <summary>Reserved for one project at approval and not yet paid or released.</summary>
    Reserved,

    /// <summary>Paid to one project (net of what a recovery claims back).</summary>
    Paid,

    /// <summary>Claimed back from one project (追回) and not yet received.</summary>
    RecoveryDue,

    /// <summary>Recovered money handed back to the treasury instead of the budget.</summary>
    ReturnedToTreasury,
}

/// <summary>The kinds of ledger entry, as finance officers name them.</summary>
public static class LedgerEntryKinds
{
    public const string Allocate = "allocate";
    public const string Lower = "lower";
    public const string Reserve = "reserve";
    public const string Pay = "pay";
    public const string Release = "release";
    public const string OpenRecovery = "recovery-open";
    public const string ReceiveRecovery = "recovery-received";
    public const string Reversal = "reversal";
}

/// <summary>Where recovered money goes once received: back into the scheme-year's budget, or to the treasury.</summary>
public static class RecoveryDestinations
{
    public const string Budget = "budget";
    public const string Treasury = "treasury";

    public static bool IsKnown(string? value) => value is Budget or Treasury;
}
