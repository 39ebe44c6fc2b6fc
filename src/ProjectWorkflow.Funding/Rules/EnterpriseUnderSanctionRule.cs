using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>An enterprise or project leader under a credit sanction (<see cref="CreditSanction"/>) may not apply until it ends.</summary>
public sealed class EnterpriseUnderSanctionRule(IReadOnlyList<CreditSanction> sanctions, DateTimeOffset at) : IFundingRule
{
    private CreditSanction? Active => sanctions.Where(s => s.Until > at).OrderByDescending(s => s.Until).FirstOrDefault();

    public bool IsBroken() => Active is not null;

    public RuleMessage Message => Active is { } s
        ? new($"{(s.SubjectKind == CreditSanction.Leader ? "项目负责人" : "企业")}处于失信惩戒期内，至{s.Until:yyyy-MM-dd}不得申报（{s.Reason}）。",
              $"The {(s.SubjectKind == CreditSanction.Leader ? "project leader" : "enterprise")} is barred from applying until {s.Until:yyyy-MM-dd} ({s.Reason}).")
        : new("", "");
}
