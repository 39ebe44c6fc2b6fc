namespace ProjectWorkflow.Application.Treasury;

/// <summary><c>Treasury:Simulator</c>: the stand-in for the bank that answers payment orders in the embedded run and in tests.</summary>
public sealed class TreasurySimulatorOptions
{
    public const string Section = "Treasury:Simulator";

    /// <summary>Off when a real treasury adapter consumes the payment queue instead.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the bank takes to answer a new order.</summary>
    public int DelayMs { get; set; } = 2000;

    /// <summary>Share of new orders rejected, from 0 (none) to 1 (all).</summary>
    public double FailureRate { get; set; }
}
