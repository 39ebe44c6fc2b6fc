namespace ProjectWorkflow.Funding.Rules;

/// <summary>The voucher pays at most the co-payment ratio of a contract (rounded down to the fen); the enterprise pays the rest itself.</summary>
public sealed class VoucherShareExceedsRatioRule(Money contractValue, decimal ratio, Money voucherShare) : IFundingRule
{
    public Money Allowed => contractValue.ApplyRate(ratio);

    public bool IsBroken() => voucherShare.Fen <= 0 || voucherShare > Allowed;

    public RuleMessage Message => new(
        $"创新券最多支付合同金额{contractValue}的{ratio:P0}，即{Allowed}；申请抵扣{voucherShare}。",
        $"The voucher pays at most {ratio:P0} of the contract value {contractValue}, i.e. {Allowed}; {voucherShare} was asked.");
}
