namespace ProjectWorkflow.Funding.Rules;

/// <summary>A redemption claim is reviewed only with its contract, invoice, proof the enterprise paid its own share, and the deliverable.</summary>
public sealed class RedemptionClaimIncompleteRule(IReadOnlyList<string> missing) : IFundingRule
{
    public bool IsBroken() => missing.Count > 0;

    public RuleMessage Message => new(
        $"兑付申请材料不全，缺少：{string.Join("、", missing.Select(Chinese))}。",
        $"The redemption claim is incomplete; missing: {string.Join(", ", missing)}.");

    private static string Chinese(string document) => document switch
    {
        "contract" => "服务合同",
        "invoice" => "发票",
        "payment proof" => "企业自付部分付款凭证",
        "deliverable" => "服务成果",
        _ => document,
    };
}
