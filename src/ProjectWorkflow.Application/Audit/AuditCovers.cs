using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Audit;

/// <summary>One row a command wrote, named by table and key, with a keyed digest of its content (or <see cref="AuditCovers.Deleted"/>).</summary>
public sealed record AuditCover(string Type, string Id, string Digest);

/// <summary>
/// The rows whose content the audit chain vouches for: ledger entries with their postings, journal lines and payment
/// orders. The entry of the command that wrote (or legitimately changed) such a row carries its digest; verification
/// recomputes the digest from the row as it is now, so a row edited, deleted or slipped in by hand is found even where
/// the row's own checksum was recomputed.
/// </summary>
public static class AuditCovers
{
    public const string LedgerEntry = "ledger-entry";
    public const string JournalLine = "journal-line";
    public const string PaymentOrder = "payment-order";
    public const string Deleted = "deleted";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool IsCovered(object entity) => entity is Funding.Ledger.LedgerEntry or JournalRecord or Funding.Ledger.PaymentOrder;

    public static AuditCover Of(object entity, byte[] key, bool deleted = false) => entity switch
    {
        Funding.Ledger.LedgerEntry e => new(LedgerEntry, Text(e.Id), deleted ? Deleted : Digest(key, Canonical(e))),
        JournalRecord j => new(JournalLine, Text(j.Id), deleted ? Deleted : Digest(key, Canonical(j))),
        Funding.Ledger.PaymentOrder o => new(PaymentOrder, o.Id.ToString("D"), deleted ? Deleted : Digest(key, Canonical(o))),
        _ => throw new ArgumentException($"{entity.GetType().Name} is not a covered row.", nameof(entity)),
    };

    /// <summary>
    /// Stores moments to the millisecond: PostgreSQL keeps microseconds (rounded) and SQLite's stored form a tenth of a
    /// millisecond, so a digest over finer ticks would not survive the round trip.
    /// </summary>
    public static void Normalise(object entity)
    {
        switch (entity)
        {
            // A ledger entry is booked to the millisecond already (LedgerEntry.At), and never changes afterwards.
            case JournalRecord j: j.At = AuditChain.Milliseconds(j.At); break;
        }
    }

    public static string? Serialize(IReadOnlyCollection<AuditCover> covers) => covers.Count == 0 ? null : JsonSerializer.Serialize(covers, Json);

    public static IReadOnlyList<AuditCover> Parse(string? covers) =>
        string.IsNullOrEmpty(covers) ? [] : JsonSerializer.Deserialize<List<AuditCover>>(covers, Json) ?? [];

    public static string Digest(byte[] key, string canonical) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical))[..16]);

    public static string Canonical(Funding.Ledger.LedgerEntry e)
    {
        var text = new StringBuilder("ledger-entry/1");
        foreach (var field in new[]
                 {
                     Text(e.Id), Text(e.BudgetId), e.ApplicationId?.ToString("N"), e.Kind, e.Reference, e.Reason, e.Actor, Millis(e.At),
                     e.ReversesEntryId is { } r ? Text(r) : null, e.Checksum,
                 })
            AuditHash.Field(text, field);
        foreach (var p in e.Postings.OrderBy(p => p.Account, StringComparer.Ordinal).ThenBy(p => p.ApplicationId).ThenBy(p => p.AmountFen))
        {
            AuditHash.Field(text, p.Account);
            AuditHash.Field(text, p.ApplicationId?.ToString("N"));
            AuditHash.Field(text, Text(p.AmountFen));
        }
        return text.ToString();
    }

    public static string Canonical(JournalRecord j)
    {
        var text = new StringBuilder("journal-line/1");
        foreach (var field in new[] { Text(j.Id), j.InstanceId.ToString("N"), Text(j.Sequence), Millis(j.At), j.ElementId, j.Kind, j.Event, j.Actor, j.Detail })
            AuditHash.Field(text, field);
        return text.ToString();
    }

    public static string Canonical(Funding.Ledger.PaymentOrder o)
    {
        var text = new StringBuilder("payment-order/1");
        foreach (var field in new[]
                 {
                     o.Id.ToString("N"), o.ApplicationId.ToString("N"), o.ApplicationNumber, o.SchemeKey, Text(o.Year), Text(o.InstallmentNumber),
                     Text(o.AmountFen), o.Payee, o.PayeeAccount, o.InstanceId.ToString("N"), PaymentOrderStatusText.Of(o.Status), Text(o.Attempt), o.PaymentKey,
                     o.ApprovedBy, o.BankReference,
                 })
            AuditHash.Field(text, field);
        return text.ToString();
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    // See Normalise: moments are compared to the millisecond.
    private static string Millis(DateTimeOffset at) => (at.UtcTicks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture);
}
