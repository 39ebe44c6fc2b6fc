using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>The support method an application names must be one its scheme's rule set offers (one method per project).</summary>
public sealed class SupportMethodNotOfferedRule(RuleSet rules, string? method) : IFundingRule
{
    public bool IsBroken() => rules.OptionFor(method) is null;

    private string Offered => string.Join(", ", rules.Options.Select(o => o.Key));

    public RuleMessage Message => new(
        $"本年度规则不提供支持方式“{method}”，可选：{Offered}。",
        $"The year's rules offer no support method '{method}'; choose one of {Offered}.");
}
