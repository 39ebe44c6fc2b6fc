using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Rules;

public sealed class ApplicationWindowClosedRule(ApplicationWindow window, DateTimeOffset at) : IFundingRule
{
    public bool IsBroken() => !window.IsOpenAt(at);

    public RuleMessage Message => new(
        $"当前不在申报期内（{window}）。",
        $"Applications are taken {window}; this one arrived outside that window.");
}
