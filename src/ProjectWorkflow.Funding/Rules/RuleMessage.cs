namespace ProjectWorkflow.Funding.Rules;

/// <summary>What a person reads when a rule refuses: in Chinese and in English, kept apart (a reader gets one, <see cref="In"/>).</summary>
public sealed record RuleMessage(string Chinese, string English)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    /// <summary>The English, for logs and exception messages; never the two pasted together.</summary>
    public override string ToString() => English;
}
