namespace ProjectWorkflow.Funding.Rules;

public sealed class NotInProjectPoolRule(bool poolRequired, bool inPool) : IFundingRule
{
    public bool IsBroken() => poolRequired && !inPool;

    public RuleMessage Message => new(
        "项目未纳入本市三年滚动工业投资项目库，请先入库再申报。",
        "The project is not in the city's three-year rolling industrial investment pool; enter it in the pool first.");
}
