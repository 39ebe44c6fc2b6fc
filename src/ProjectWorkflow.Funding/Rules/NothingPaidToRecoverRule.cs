namespace ProjectWorkflow.Funding.Rules;

/// <summary>Recovery (追回) takes back money paid; before the first installment there is none.</summary>
public sealed class NothingPaidToRecoverRule(bool anythingPaid) : IFundingRule
{
    public bool IsBroken() => !anythingPaid;

    public RuleMessage Message => new(
        "该项目尚未拨付资金，无可追回；如项目不再实施，请终止项目。",
        "Nothing has been paid to this project yet, so there is nothing to recover; terminate the project if it will not go ahead.");
}
