using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// The treasury request of an order did not match what was approved (or there is nobody it may be paid to): the
/// order holds itself with the reason (<see cref="PaymentOrder.HoldReason"/>) instead of being sent.
/// </summary>
public sealed class PaymentOrderHeldException(string holdReason, string reason, IReadOnlyList<IFundingRule> broken) : InvalidOperationException(holdReason)
{
    /// <summary>Why, without the "held" preamble: the broken rules' sentences, or the missing fact.</summary>
    public string Reason { get; } = reason;

    /// <summary>The rules the order broke (empty when it was held for a missing fact).</summary>
    public IReadOnlyList<IFundingRule> Broken { get; } = broken;
}
