namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// One named rule of the fund. Each is a small type holding the facts it judges, so its refusal can
/// say exactly what is wrong and what to do (modular-monolith style business rules).
/// </summary>
public interface IFundingRule
{
    bool IsBroken();

    RuleMessage Message { get; }
}
