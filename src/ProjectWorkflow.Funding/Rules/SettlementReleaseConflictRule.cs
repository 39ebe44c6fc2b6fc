namespace ProjectWorkflow.Funding.Rules;

/// <summary>A voucher settlement is released by a finance officer who played no other part in it (granted a quota, reviewed a claim, acts for the provider or a buyer).</summary>
public sealed class SettlementReleaseConflictRule(string person, IReadOnlyCollection<string> partsPlayed) : IFundingRule
{
    public bool IsBroken() => partsPlayed.Count > 0;

    public RuleMessage Message => new(
        $"{person}已参与本结算涉及的事项（{string.Join("、", partsPlayed)}），不能再审核拨付。",
        $"{person} already took part in what this settlement pays ({string.Join(", ", partsPlayed)}) and cannot also release it.");
}
