using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// A keyed fingerprint (HMAC-SHA256) of an entry's content, written when it is made. Reconciliation recomputes it: an
/// entry changed by hand afterwards (even one still balanced, with the cached balances edited to match) no longer fits.
/// The key is kept outside the database, so whoever edits an entry cannot recompute its checksum to match.
/// </summary>
public static class LedgerChecksum
{
    public static string Of(byte[] key, long budgetId, string kind, string reference, Guid? applicationId, IEnumerable<LedgerPosting> postings)
    {
        var text = new StringBuilder()
            .Append(budgetId.ToString(CultureInfo.InvariantCulture)).Append('|').Append(kind).Append('|').Append(reference).Append('|')
            .Append(applicationId?.ToString("N") ?? "-");
        foreach (var p in postings.OrderBy(p => p.Account).ThenBy(p => p.ApplicationId).ThenBy(p => p.Amount.Fen))
            text.Append('|').Append(p.Account).Append(':').Append(p.ApplicationId?.ToString("N") ?? "-").Append(':')
                .Append(p.Amount.Fen.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString())));
    }
}
