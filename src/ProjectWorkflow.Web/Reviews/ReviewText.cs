using Microsoft.Extensions.Localization;

namespace ProjectWorkflow.Web.Reviews;

/// <summary>
/// The reviewers' pages' words (a task's file, batch review, the expert's declaration and scores): <c>ReviewText.resx</c>
/// in Chinese (the default), <c>ReviewText.en.resx</c> in English, read through <c>IStringLocalizer&lt;ReviewText&gt;</c>.
/// </summary>
public sealed class ReviewText;

public static class ReviewWords
{
    /// <summary>The resource <c>Prefix.code</c>, or <paramref name="fallback"/> (the code itself when none is given) when none is written yet.</summary>
    public static string Of(this IStringLocalizer<ReviewText> t, string prefix, string? code, string? fallback = null)
    {
        if (string.IsNullOrEmpty(code)) return fallback ?? "";
        var word = t[$"{prefix}.{code}"];
        return word.ResourceNotFound ? fallback ?? code : word.Value;
    }
}
