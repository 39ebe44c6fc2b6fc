using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>Where the rule set asks for it, the project must be in the pool's register (<see cref="ProjectPoolEntry"/>) for the application's year.</summary>
public sealed class NotInProjectPoolRule(bool poolRequired, bool inPool) : IFundingRule
{
    public NotInProjectPoolRule(bool poolRequired, IReadOnlyList<ProjectPoolEntry> register, string uscc, string projectName, int year, int poolYears)
        : this(poolRequired, register.Any(e => e.Covers(uscc, projectName, year, poolYears)))
    {
    }

    public bool IsBroken() => poolRequired && !inPool;

    public RuleMessage Message => new(
        "项目未纳入本市三年滚动工业投资项目库，请先入库再申报。",
        "The project is not in the city's three-year rolling industrial investment pool; enter it in the pool first.");
}
