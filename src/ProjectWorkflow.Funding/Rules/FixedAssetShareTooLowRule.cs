namespace ProjectWorkflow.Funding.Rules;

/// <summary>Fixed assets must be more than the rule set's share of the project's total input (60% in the notices).</summary>
public sealed class FixedAssetShareTooLowRule(Money fixedAssets, Money total, decimal? minShare) : IFundingRule
{
    public bool IsBroken() => minShare is { } share && total.Fen > 0 && (decimal)fixedAssets.Fen / total.Fen <= share;

    private string Percent(decimal value) => (value * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private decimal Actual => total.Fen == 0 ? 0 : (decimal)fixedAssets.Fen / total.Fen;

    public RuleMessage Message => new(
        $"固定资产投资{fixedAssets}占总投入{total}的{Percent(Actual)}，须高于{Percent(minShare ?? 0)}。",
        $"Fixed assets of {fixedAssets} are {Percent(Actual)} of the total input {total}; they must be more than {Percent(minShare ?? 0)}.");
}
