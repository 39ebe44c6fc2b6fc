namespace ProjectWorkflow.Funding.Rules;

/// <summary>Where the year's rules cap one claim, a single order's voucher share stays within it.</summary>
public sealed class PerClaimCapExceededRule(Money? perClaimCap, Money voucherShare) : IFundingRule
{
    public bool IsBroken() => perClaimCap is { } cap && voucherShare > cap;

    public RuleMessage Message => new(
        $"单笔兑付上限为{perClaimCap}，申请抵扣{voucherShare}。",
        $"One claim may draw at most {perClaimCap}; {voucherShare} was asked.");
}
