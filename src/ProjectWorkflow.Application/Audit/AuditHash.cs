using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProjectWorkflow.Application.Audit;

/// <summary>
/// The canonical text of an entry (every field length-prefixed, so no two entries read alike) and its HMAC-SHA256
/// chained to the previous entry's hash.
/// </summary>
public static class AuditHash
{
    public static string Of(AuditEntry entry, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Canonical(entry))));

    public static string Canonical(AuditEntry e)
    {
        var text = new StringBuilder("audit-entry/1");
        foreach (var field in new[]
                 {
                     e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     e.Actor, e.Roles, e.Action, e.ObjectType, e.ObjectId, e.Outcome, e.Reason, e.Detail, e.TraceId, e.Covers, e.KeyId,
                     e.PreviousHash,
                 })
            Field(text, field);
        return text.ToString();
    }

    /// <summary>Appends one field as <c>|length:value</c> (<c>|-</c> for none).</summary>
    internal static void Field(StringBuilder text, string? value)
    {
        if (value is null) text.Append("|-");
        else text.Append('|').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
