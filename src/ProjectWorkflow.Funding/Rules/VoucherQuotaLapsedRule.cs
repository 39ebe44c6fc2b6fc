namespace ProjectWorkflow.Funding.Rules;

/// <summary>A quota is used only while valid: after it lapses (year end by default) no new order may draw on it.</summary>
public sealed class VoucherQuotaLapsedRule(DateOnly lapsesAfter, DateOnly today, bool lapsed) : IFundingRule
{
    public bool IsBroken() => lapsed || today > lapsesAfter;

    public RuleMessage Message => new(
        $"券额度有效期至{lapsesAfter:yyyy-MM-dd}，已失效，不能再使用。",
        $"The quota was valid until {lapsesAfter:yyyy-MM-dd}; it has lapsed and cannot be used.");
}
