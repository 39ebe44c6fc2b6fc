using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Funding.Applications;

/// <summary>
/// Identifies "the same project" across schemes and departments: the enterprise's USCC with the
/// project's name and site, normalised so spacing, punctuation, width and case do not make it new.
/// </summary>
public static class ProjectFingerprint
{
    public static string Of(Uscc enterprise, string projectName, string site) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{enterprise.Value}|{Normalise(projectName)}|{Normalise(site)}")));

    /// <summary>A name or site without spacing, punctuation, width or case differences.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || category == UnicodeCategory.Format) continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
