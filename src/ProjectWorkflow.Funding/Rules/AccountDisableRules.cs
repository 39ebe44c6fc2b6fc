namespace ProjectWorkflow.Funding.Rules;

/// <summary>An administrator never disables their own account (nor takes their own administrator role): they would lock themselves out mid-change.</summary>
public sealed class OwnAccountRule(string administrator, string person) : IFundingRule
{
    public bool IsBroken() => string.Equals(administrator, person, StringComparison.OrdinalIgnoreCase);

    public RuleMessage Message => new(
        "管理员不能停用自己的账号或取消自己的管理员角色，请由另一位管理员操作。",
        "An administrator cannot disable their own account or take away their own administrator role; ask another administrator.");
}

/// <summary>The portal keeps at least one enabled administrator: otherwise nobody could enable anyone again.</summary>
public sealed class LastAdministratorRule(string person, int otherEnabledAdministrators) : IFundingRule
{
    public bool IsBroken() => otherEnabledAdministrators == 0;

    public RuleMessage Message => new(
        $"{person}是最后一位可用的管理员，不能停用或取消其管理员角色；请先添加或启用另一位管理员。",
        $"{person} is the last enabled administrator and cannot be disabled or lose the administrator role; add or enable another administrator first.");
}
