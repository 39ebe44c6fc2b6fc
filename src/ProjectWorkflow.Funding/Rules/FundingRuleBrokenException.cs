namespace ProjectWorkflow.Funding.Rules;

/// <summary>A request refused by a named rule; the host answers it as a problem with the rule's name and message.</summary>
public sealed class FundingRuleBrokenException(IFundingRule rule) : Exception(rule.Message.English)
{
    public IFundingRule Rule { get; } = rule;

    /// <summary>The rule's type name without the "Rule" suffix, e.g. <c>ProjectAlreadyFunded</c>.</summary>
    public string RuleName => Rule.GetType().Name.EndsWith("Rule", StringComparison.Ordinal) ? Rule.GetType().Name[..^4] : Rule.GetType().Name;
}
