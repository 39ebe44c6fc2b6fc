namespace ProjectWorkflow.Funding.Schemes;

/// <summary>When applications are taken: a fixed window (2026: Jan 20 – Feb 4, 16:00), or all year.</summary>
public sealed record ApplicationWindow(DateTimeOffset? Opens, DateTimeOffset? Closes)
{
    public static ApplicationWindow YearRound { get; } = new(null, null);

    public bool IsOpenAt(DateTimeOffset at) => (Opens is null || at >= Opens) && (Closes is null || at < Closes);

    public override string ToString() => Opens is null && Closes is null
        ? "year-round"
        : $"{Opens:yyyy-MM-dd HH:mm} – {Closes:yyyy-MM-dd HH:mm}";
}
