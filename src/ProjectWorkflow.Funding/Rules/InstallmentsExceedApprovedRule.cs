namespace ProjectWorkflow.Funding.Rules;

/// <summary>The installments of a project never add up to more than its approved amount.</summary>
public sealed class InstallmentsExceedApprovedRule(Money approved, Money alreadyOrdered, Money installment) : IFundingRule
{
    public bool IsBroken() => alreadyOrdered + installment > approved;

    public RuleMessage Message => new(
        $"已拨付{alreadyOrdered}，再拨付{installment}将超过核定金额{approved}。",
        $"{alreadyOrdered} is already ordered; another {installment} would exceed the approved {approved}.");
}
