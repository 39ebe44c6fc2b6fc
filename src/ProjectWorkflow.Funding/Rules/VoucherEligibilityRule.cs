using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Funding.Rules;

/// <summary>
/// Who may hold a voucher quota: a certified tech SME with its certificate number, or a team of at least N people
/// sitting in an incubator, university park or maker space — as the year's rules allow.
/// </summary>
public sealed class VoucherEligibilityRule(VoucherRuleSet rules, VoucherApplicant applicant) : IFundingRule
{
    public bool IsBroken() => Problem is not null;

    private (string Zh, string En)? Problem =>
        !rules.EligibleApplicants.Contains(applicant.Kind)
            ? ("本年度该券种不受理此类申请人。", "This voucher does not take this kind of applicant this year.")
            : applicant.Kind == VoucherApplicantKind.CertifiedSme && string.IsNullOrWhiteSpace(applicant.CertificateNumber)
                ? ("科技型中小企业须填写入库证书编号。", "A certified tech SME gives its certificate number.")
                : applicant.Kind == VoucherApplicantKind.Team && applicant.TeamMembers.Count < rules.MinTeamSize
                    ? ($"创业团队至少{rules.MinTeamSize}人，现为{applicant.TeamMembers.Count}人。",
                       $"A team has at least {rules.MinTeamSize} people; this one has {applicant.TeamMembers.Count}.")
                    : applicant.Kind == VoucherApplicantKind.Team && !rules.TeamPlaces.Contains(applicant.TeamPlace ?? "")
                        ? ("创业团队须入驻孵化器、大学科技园或众创空间。", "A team must sit in an incubator, university park or maker space.")
                        : null;

    public RuleMessage Message => Problem is { } p ? new(p.Zh, p.En) : new("", "");
}
