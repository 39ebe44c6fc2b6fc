namespace ProjectWorkflow.Funding.Rules;

/// <summary>Public notice takes only written, signed, named objections; anonymous ones are refused.</summary>
public sealed class ObjectionNotSignedRule(string? objectorName, bool signed) : IFundingRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(objectorName) || !signed;

    public RuleMessage Message => new(
        "异议须以书面形式实名提出并签名（单位加盖公章），匿名异议不予受理。",
        "An objection must be written, signed and carry the objector's real name (an organisation's seal); anonymous objections are not accepted.");
}
