namespace ProjectWorkflow.Funding.Ledger;

/// <summary>The key a ledger entry's checksum is made with: its id (<c>Audit:Keys:&lt;id&gt;</c>) and the secret, kept outside the database.</summary>
public sealed record LedgerKey(string Id, byte[] Secret);

/// <summary>
/// Who books an entry, why, when, under which unique reference (the same business fact is booked once), and the key
/// its checksum is made with.
/// </summary>
public sealed record LedgerBooking(string Reference, string Actor, string Reason, DateTimeOffset At, LedgerKey Key);
