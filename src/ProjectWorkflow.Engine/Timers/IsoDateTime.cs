using System.Globalization;

namespace ProjectWorkflow.Engine.Timers;

/// <summary>ISO 8601 date-times as BPMN files carry them; text without an offset is read as UTC so a server's zone never matters.</summary>
internal static class IsoDateTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string text, out DateTimeOffset value, out string? error)
    {
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            error = null;
            return true;
        }

        error = $"'{text}' is not an ISO 8601 date-time: write it like 2026-01-01T09:00:00Z or 2026-01-01T09:00:00+08:00";
        return false;
    }

    public static bool LooksLikeDate(string text) =>
        text.Length >= 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]);
}
