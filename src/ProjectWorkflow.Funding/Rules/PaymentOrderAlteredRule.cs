namespace ProjectWorkflow.Funding.Rules;

/// <summary>A payment order's amount is fixed from the moment the process ordered it: an order that now says otherwise is not paid.</summary>
public sealed class PaymentOrderAlteredRule(Money onOrder, Money ordered) : IFundingRule
{
    public bool IsBroken() => onOrder != ordered;

    public RuleMessage Message => new(
        $"拨付单金额{onOrder}与流程核定的{ordered}不一致，已暂停支付。",
        $"The payment order says {onOrder}, but the process ordered {ordered}: the order was changed after it was made.");
}
