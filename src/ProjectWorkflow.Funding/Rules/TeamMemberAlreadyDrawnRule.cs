namespace ProjectWorkflow.Funding.Rules;

/// <summary>A team member cannot draw the same team's quota twice: someone already on a live quota of the team this year is refused.</summary>
public sealed class TeamMemberAlreadyDrawnRule(IReadOnlyCollection<string> membersAlreadyDrawing) : IFundingRule
{
    public bool IsBroken() => membersAlreadyDrawing.Count > 0;

    public RuleMessage Message => new(
        $"团队成员{string.Join("、", membersAlreadyDrawing)}本年度已使用该团队的创新券额度，不得重复申领。",
        $"Team member(s) {string.Join(", ", membersAlreadyDrawing)} already draw this team's quota this year; it is drawn once.");
}
