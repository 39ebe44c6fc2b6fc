namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// Four eyes: whoever asked for a change (a bank account) is not the one who decides it, nor is anyone who acts
/// for the side that asked (<paramref name="actsForRequester"/>: a user of the enterprise).
/// </summary>
public sealed class OwnRequestApprovalRule(string requestedBy, string decidedBy, bool actsForRequester = false) : IFundingRule
{
    public bool IsBroken() => actsForRequester || string.Equals(requestedBy, decidedBy, StringComparison.Ordinal);

    public RuleMessage Message => new(
        $"{decidedBy}不能审核本方（{requestedBy}）提出的申请，须由另一名工作人员审核。",
        $"{decidedBy} cannot decide a change asked for by {requestedBy} or their own enterprise: another member of staff must.");
}
