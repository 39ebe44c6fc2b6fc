namespace ProjectWorkflow.Funding.Rules;

/// <summary>A year's quota for one enterprise (or one team) never exceeds the annual cap, counting what it already holds.</summary>
public sealed class VoucherQuotaCapRule(Money annualCap, Money alreadyHeld, Money requested) : IFundingRule
{
    public bool IsBroken() => requested.Fen <= 0 || alreadyHeld + requested > annualCap;

    public RuleMessage Message => new(
        $"年度额度上限为{annualCap}，已持有{alreadyHeld}，本次申请{requested}超出上限。",
        $"The annual cap is {annualCap}; {alreadyHeld} is already held, so {requested} more is over it.");
}
