namespace ProjectWorkflow.Funding.Rules;

/// <summary>A budget is never set below what is already reserved, paid or being recovered from it.</summary>
public sealed class BudgetBelowCommittedRule(Money committed, Money wanted) : IFundingRule
{
    public bool IsBroken() => wanted < committed;

    public RuleMessage Message => new(
        $"预算不能调低至{wanted}：已预留或拨付{committed}。",
        $"The budget cannot be set to {wanted}: {committed} is already reserved or paid from it.");
}
