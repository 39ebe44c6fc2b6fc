using ProjectWorkflow.Funding.Projects;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// The credit check again before a payment: a sanction in force on the enterprise or the project leader — even one
/// recorded after approval — holds the payment.
/// </summary>
public sealed class PayeeUnderSanctionRule(IReadOnlyList<CreditSanction> sanctions, DateTimeOffset at) : IFundingRule
{
    private CreditSanction? Active => sanctions.Where(s => s.From <= at && s.Until > at).OrderByDescending(s => s.Until).FirstOrDefault();

    public bool IsBroken() => Active is not null;

    public RuleMessage Message => Active is { } s
        ? new($"{(s.SubjectKind == CreditSanction.Leader ? "项目负责人" : "企业")}处于失信惩戒期内（至{s.Until:yyyy-MM-dd}：{s.Reason}），暂停拨付。",
              $"The {(s.SubjectKind == CreditSanction.Leader ? "project leader" : "enterprise")} is under a credit sanction until {s.Until:yyyy-MM-dd} ({s.Reason}); the payment is held.")
        : new("", "");
}
