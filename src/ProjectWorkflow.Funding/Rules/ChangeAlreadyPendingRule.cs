namespace ProjectWorkflow.Funding.Rules;

/// <summary>One change request at a time: the department decides the open one first.</summary>
public sealed class ChangeAlreadyPendingRule(bool pending) : IFundingRule
{
    public bool IsBroken() => pending;

    public RuleMessage Message => new(
        "已有一项变更申请正在审核，请待其办结后再提出新的申请。",
        "A change request is already waiting for the department's decision; ask again once it is decided.");
}
