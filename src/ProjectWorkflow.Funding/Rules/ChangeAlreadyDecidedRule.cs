using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>A change request is decided once: approved or refused, the decision stands.</summary>
public sealed class ChangeAlreadyDecidedRule(ChangeRequest change) : IFundingRule
{
    public bool IsBroken() => !change.IsPending;

    public RuleMessage Message => new(
        $"该变更申请已由{change.DecidedBy}{(change.Status == ChangeRequestStatus.Approved ? "批准" : "驳回")}，不能再次审核。",
        $"The change request was already {ChangeRequestStatusText.Of(change.Status)} by {change.DecidedBy}.");
}
