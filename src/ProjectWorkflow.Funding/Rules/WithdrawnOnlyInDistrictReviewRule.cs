namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// The enterprise may withdraw its submitted application only while the district still reviews it (or waits for its
/// supplement): once the file has gone on to the panel, experts and staff have worked on it and only the fund ends it.
/// </summary>
public sealed class WithdrawnOnlyInDistrictReviewRule(bool stillWithTheDistrict) : IFundingRule
{
    public bool IsBroken() => !stillWithTheDistrict;

    public RuleMessage Message => new(
        "申报材料已通过区级初审进入后续评审，企业不能再撤回；如需终止请联系市经信委。",
        "The application has passed district review and is with the panel or the department; it can no longer be withdrawn by the enterprise. Ask the department to end it.");
}
