namespace ProjectWorkflow.Funding.Rules;

/// <summary>What a person reads when a rule refuses: in Chinese, with English alongside.</summary>
public sealed record RuleMessage(string Chinese, string English)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    public override string ToString() => $"{Chinese} {English}";
}
