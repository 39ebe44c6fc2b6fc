using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Model;

/// <summary>
/// How a job that failed is tried again: <see cref="Attempts"/> runs in all, <see cref="Wait"/> apart; when the last
/// one fails the job stops and an incident is raised. Read from <c>camunda:failedJobRetryTimeCycle</c> (<c>R5/PT10M</c>).
/// </summary>
public sealed record JobRetries(int Attempts, IsoDuration? Wait, string? Text)
{
    /// <summary>Camunda's default: three runs, each failure retried at once.</summary>
    public static readonly JobRetries Default = new(3, null, null);

    /// <summary>Reads <c>R&lt;n&gt;/&lt;duration&gt;</c>; anything else is refused with the reason.</summary>
    public static bool TryParse(string text, out JobRetries retries, out string error)
    {
        retries = Default;
        error = "";
        var parts = text.Trim().Split('/');
        if (parts.Length != 2 || parts[0].Length < 2 || parts[0][0] != 'R'
            || !int.TryParse(parts[0][1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count is < 1 or > 100)
        {
            error = $"'{text}' is not a retry cycle: write R<tries>/<ISO 8601 duration>, such as R5/PT10M (1 to 100 tries).";
            return false;
        }
        if (!IsoDuration.TryParse(parts[1], out var wait))
        {
            error = $"'{parts[1]}' in the retry cycle '{text}' is not an ISO 8601 duration such as PT10M.";
            return false;
        }
        retries = new JobRetries(count, wait, text.Trim());
        return true;
    }
}
