namespace ProjectWorkflow.Funding.Rules;

/// <summary>An order's voucher share never exceeds what is left of the quota (to the fen).</summary>
public sealed class VoucherQuotaExceededRule(Money remaining, Money voucherShare) : IFundingRule
{
    public bool IsBroken() => voucherShare > remaining;

    public RuleMessage Message => new(
        $"券额度余额为{remaining}，不足以抵扣{voucherShare}。",
        $"The quota has {remaining} left, which cannot cover {voucherShare}.");
}
