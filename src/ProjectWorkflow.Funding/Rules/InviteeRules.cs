namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// Only an enterprise user, and nothing else, acts for an enterprise: fund staff, experts and providers judge or
/// serve applications, so they never apply for one (nobody plays two of applicant, expert, approver, payer).
/// </summary>
public sealed class InviteeNotAnEnterpriseUserRule(string userName, IReadOnlyCollection<string> roles) : IFundingRule
{
    public const string EnterpriseRole = "enterprise";

    public bool IsBroken() => roles.Count != 1 || !roles.Contains(EnterpriseRole);

    public RuleMessage Message => new(
        $"用户 {userName} 不是（仅为）企业用户，不能代表企业申报。",
        $"The user {userName} is not an enterprise user only, so they cannot act for an enterprise.");
}

/// <summary>A user acts for one enterprise at most.</summary>
public sealed class InviteeActsForAnEnterpriseRule(string userName, bool actsForAnEnterprise) : IFundingRule
{
    public bool IsBroken() => actsForAnEnterprise;

    public RuleMessage Message => new(
        $"用户 {userName} 已代表一家企业，一个账号只能代表一家企业。",
        $"The user {userName} already acts for an enterprise; one account acts for one enterprise.");
}
