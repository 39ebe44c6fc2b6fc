namespace ProjectWorkflow.Funding.Rules;

/// <summary>A provider related to the enterprise (same USCC, same legal representative, or shared control) cannot serve it on a voucher.</summary>
public sealed class RelatedProviderRule(string providerName, string? relation) : IFundingRule
{
    public bool IsBroken() => relation is not null;

    public RuleMessage Message => new(
        $"服务机构“{providerName}”与申请主体存在关联关系（{Chinese(relation)}），不得使用创新券购买其服务。",
        $"The provider {providerName} is related to the buyer ({relation}); a voucher cannot buy its services.");

    private static string Chinese(string? relation) => relation switch
    {
        "same USCC" => "统一社会信用代码相同",
        "same legal representative" => "法定代表人相同",
        "shared control" => "受同一主体控制",
        _ => relation ?? "",
    };
}
