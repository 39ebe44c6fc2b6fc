namespace ProjectWorkflow.Funding.Rules;

/// <summary>A project is never paid more than is reserved for it.</summary>
public sealed class PaymentExceedsReservationRule(Money reserved, Money requested) : IFundingRule
{
    public bool IsBroken() => requested > reserved;

    public RuleMessage Message => new(
        $"本项目预留资金{reserved}不足以支付{requested}。",
        $"Only {reserved} is reserved for this project; {requested} cannot be paid from it.");
}
