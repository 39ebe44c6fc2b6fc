namespace ProjectWorkflow.Funding.Rules;

/// <summary>Only a vetted provider that is not suspended takes new voucher orders (running ones finish).</summary>
public sealed class ProviderSuspendedRule(string providerName, bool vetted, bool suspended, string? reason) : IFundingRule
{
    public bool IsBroken() => !vetted || suspended;

    public RuleMessage Message => suspended
        ? new($"服务机构“{providerName}”已被暂停（{reason}），不能承接新的服务订单。",
              $"The provider {providerName} is suspended ({reason}) and takes no new voucher orders.")
        : new($"服务机构“{providerName}”尚未通过审核，不能承接服务订单。",
              $"The provider {providerName} has not been vetted yet and takes no voucher orders.");
}
