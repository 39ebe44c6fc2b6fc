namespace ProjectWorkflow.Funding.Rules;

/// <summary>Acceptance is requested after the build period and within N months of its end.</summary>
public sealed class AcceptanceOutsideWindowRule(DateOnly buildPeriodEnds, DateOnly requestedOn, int windowMonths) : IFundingRule
{
    public bool IsBroken() => requestedOn > buildPeriodEnds.AddMonths(windowMonths);

    public RuleMessage Message => new(
        $"验收申请应在建设期结束后{windowMonths}个月内（{buildPeriodEnds.AddMonths(windowMonths):yyyy-MM-dd}前）提出。",
        $"Acceptance must be requested within {windowMonths} months after the build period, by {buildPeriodEnds.AddMonths(windowMonths):yyyy-MM-dd}.");
}
