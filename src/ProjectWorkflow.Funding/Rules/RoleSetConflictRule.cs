namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// Segregation of duties at the door: a person's roles never let them play two of applicant, expert, approver, payer
/// (the parts <see cref="RoleConflictRule"/> keeps apart on each project), so an administrator cannot give them such a set.
/// </summary>
public sealed class RoleSetConflictRule(string person, IReadOnlyCollection<ProjectRole> parts) : IFundingRule
{
    private IReadOnlyList<ProjectRole> Distinct => parts.Distinct().Order().ToList();

    public bool IsBroken() => Distinct.Count > 1;

    public RuleMessage Message => new(
        $"{person}的角色将使其同时担任{string.Join("和", Distinct.Select(Chinese))}；同一人在项目中不能担任申报人、评审专家、审批人、拨付人中的两种，请只保留其中一种。",
        $"These roles would let {person} act as {string.Join(" and ", Distinct.Select(r => r.ToString().ToLowerInvariant()))}; nobody plays two of applicant, expert, approver and payer, so keep only one of them.");

    private static string Chinese(ProjectRole role) => role switch
    {
        ProjectRole.Applicant => "申报人",
        ProjectRole.Expert => "评审专家",
        ProjectRole.Approver => "审批人",
        ProjectRole.Payer => "拨付人",
        _ => "",
    };
}
