namespace ProjectWorkflow.Funding.Rules;

/// <summary>The parts a person can play on one project; nobody plays two of them.</summary>
public enum ProjectRole
{
    Applicant,
    Expert,
    Approver,
    Payer,
}

/// <summary>Segregation of duties: no person acts as two of applicant, expert, approver, payer on one project.</summary>
public sealed class RoleConflictRule(string person, ProjectRole wanted, IReadOnlyCollection<ProjectRole> alreadyPlayed) : IFundingRule
{
    private ProjectRole? Other => alreadyPlayed.Where(r => r != wanted).Select(r => (ProjectRole?)r).FirstOrDefault();

    public bool IsBroken() => Other is not null;

    public RuleMessage Message => new(
        $"{person}已在本项目中担任{Chinese(Other)}，不能再担任{Chinese(wanted)}。",
        $"{person} already acts as {Other?.ToString().ToLowerInvariant()} on this project and cannot also act as {wanted.ToString().ToLowerInvariant()}.");

    private static string Chinese(ProjectRole? role) => role switch
    {
        ProjectRole.Applicant => "申报人",
        ProjectRole.Expert => "评审专家",
        ProjectRole.Approver => "审批人",
        ProjectRole.Payer => "拨付人",
        _ => "",
    };
}
