namespace ProjectWorkflow.Funding.Rules;

/// <summary>An installment pays the enterprise itself: the payee is the enterprise's registered name, nobody else.</summary>
public sealed class PayeeNotTheEnterpriseRule(string payee, string registeredName) : IFundingRule
{
    public bool IsBroken() => !string.Equals(payee.Trim(), registeredName.Trim(), StringComparison.Ordinal);

    public RuleMessage Message => new(
        $"收款单位必须是企业本身（登记名称“{registeredName}”），不能是“{payee}”。",
        $"Installments are paid only to the enterprise itself, under its registered name \"{registeredName}\", not to \"{payee}\".");
}
