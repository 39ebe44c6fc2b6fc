namespace ProjectWorkflow.Funding.Rules;

public sealed class BudgetExceededRule(Money budgetLeft, Money requested) : IFundingRule
{
    public bool IsBroken() => requested > budgetLeft;

    public RuleMessage Message => new(
        $"预算余额{budgetLeft}不足以安排{requested}。",
        $"The budget left ({budgetLeft}) cannot cover {requested}.");
}
