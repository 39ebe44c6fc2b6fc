namespace ProjectWorkflow.Application.Messaging;

/// <summary>When a row that failed is tried again: 1 s, 2 s, 4 s ... capped, so a broker outage is not hammered.</summary>
public static class OutboxBackoff
{
    public static TimeSpan After(int failedAttempts, TimeSpan max)
    {
        if (failedAttempts <= 0) return TimeSpan.Zero;
        // 2^30 s is already far past any sensible cap; the exponent is clamped so the shift cannot overflow.
        var seconds = 1L << Math.Min(failedAttempts - 1, 30);
        return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
    }
}
