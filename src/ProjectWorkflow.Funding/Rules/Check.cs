namespace ProjectWorkflow.Funding.Rules;

public static class Check
{
    /// <summary>Throws <see cref="FundingRuleBrokenException"/> for the first broken rule, in the order given.</summary>
    public static void Rules(params IFundingRule[] rules)
    {
        foreach (var rule in rules)
            if (rule.IsBroken()) throw new FundingRuleBrokenException(rule);
    }

    public static IReadOnlyList<IFundingRule> Broken(params IFundingRule[] rules) => rules.Where(r => r.IsBroken()).ToList();
}
