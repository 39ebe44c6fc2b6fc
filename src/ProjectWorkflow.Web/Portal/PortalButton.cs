using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Web.Errors;

namespace ProjectWorkflow.Web.Portal;

/// <summary>
/// A portal button's post: act through the use case, then redirect back with what was done (post/redirect/get, so a
/// reload does not press it again), or show the page again with the refusal in the rule's words and its status.
/// </summary>
public static class PortalButton
{
    public static async Task<IResult> PressAsync(Func<Task<string>> act, string back, Func<string, int, IResult> refused)
    {
        string done;
        try
        {
            done = await act();
        }
        catch (Exception refusal) when (RefusalProblems.Describe(refusal) is { } problem)
        {
            return refused(RefusalProblems.ForReader(refusal, problem), problem.Status ?? StatusCodes.Status400BadRequest);
        }
        var separator = back.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.LocalRedirect($"{back}{separator}done={Uri.EscapeDataString(done)}");
    }

    /// <summary>A posted field as text: trimmed, null when empty or longer than <paramref name="max"/> (the use case then names the field).</summary>
    public static string? Field(IFormCollection form, string name, int max = 2000)
    {
        var value = form[name].ToString().Trim();
        return value.Length == 0 || value.Length > max || value.Contains('\0') ? null : value;
    }

    /// <summary>An amount posted in yuan (at most two decimals) as fen; null when it is not one.</summary>
    public static long? Fen(IFormCollection form, string name)
    {
        var text = form[name].ToString().Trim().Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var yuan)
               && yuan >= 0 && decimal.Round(yuan, 2) == yuan && yuan * 100 <= Funding.Money.MaxFen
            ? (long)(yuan * 100)
            : null;
    }

    public static int? Int(IFormCollection form, string name) =>
        int.TryParse(form[name].ToString().Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
