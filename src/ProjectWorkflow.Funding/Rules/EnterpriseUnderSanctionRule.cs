namespace ProjectWorkflow.Funding.Rules;

/// <summary>A credit sanction (after a recovery) bars the enterprise and the project leader for years.</summary>
public sealed record CreditSanction(string Subject, string SubjectKind, DateTimeOffset Until, string Reason);

public sealed class EnterpriseUnderSanctionRule(IReadOnlyList<CreditSanction> sanctions, DateTimeOffset at) : IFundingRule
{
    private CreditSanction? Active => sanctions.Where(s => s.Until > at).OrderByDescending(s => s.Until).FirstOrDefault();

    public bool IsBroken() => Active is not null;

    public RuleMessage Message => Active is { } s
        ? new($"{(s.SubjectKind == "leader" ? "项目负责人" : "企业")}处于失信惩戒期内，至{s.Until:yyyy-MM-dd}不得申报（{s.Reason}）。",
              $"The {(s.SubjectKind == "leader" ? "project leader" : "enterprise")} is barred from applying until {s.Until:yyyy-MM-dd} ({s.Reason}).")
        : new("", "");
}
