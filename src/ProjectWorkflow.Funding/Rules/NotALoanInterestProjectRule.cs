using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>Interest evidence is filed only for a project supported by a loan-interest subsidy.</summary>
public sealed class NotALoanInterestProjectRule(SupportRule method) : IFundingRule
{
    public bool IsBroken() => method is not LoanInterestSubsidy;

    public RuleMessage Message => new(
        "本项目的支持方式不是贷款贴息，无需报送付息凭证。",
        "This project's support method is not a loan-interest subsidy; it files no interest evidence.");
}
