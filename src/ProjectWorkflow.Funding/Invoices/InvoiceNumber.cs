using System.Text;

namespace ProjectWorkflow.Funding.Invoices;

/// <summary>
/// An invoice number as it is claimed: width-folded (full-width digits and letters count as their ASCII selves),
/// without spaces, upper case — so "ab 0012" and "ＡＢ００１２" are one invoice and cannot be funded twice.
/// </summary>
public static class InvoiceNumber
{
    public const int MaxLength = 40;

    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) builder.Append(char.ToUpperInvariant(c));
        return builder.ToString();
    }

    /// <summary>The distinct normalised numbers of a list, in their first order.</summary>
    public static IReadOnlyList<string> NormaliseAll(IEnumerable<string> numbers) =>
        numbers.Select(Normalise).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
