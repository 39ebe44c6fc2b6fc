using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// An installment is paid only to a bank account registered for the enterprise (requested by the enterprise and
/// approved by the fund's staff), never to an account named only on an agreement or a payment order.
/// </summary>
public sealed class AccountNotRegisteredRule(string account, string? registeredAccount) : IFundingRule
{
    public bool IsBroken() => registeredAccount is null || !string.Equals(BankAccountNumber.Normalize(account), registeredAccount, StringComparison.Ordinal);

    public RuleMessage Message => registeredAccount is null
        ? new("企业尚未登记经审核的收款账户：请先申请登记银行账户，由财务或管理员审核。",
            "The enterprise has no approved bank account yet: request its registration first; finance or an administrator approves it.")
        : new($"账号{BankAccountNumber.Mask(account)}不是企业登记的收款账户（{BankAccountNumber.Mask(registeredAccount)}）。",
            $"The account {BankAccountNumber.Mask(account)} is not the bank account registered for the enterprise ({BankAccountNumber.Mask(registeredAccount)}).");
}
