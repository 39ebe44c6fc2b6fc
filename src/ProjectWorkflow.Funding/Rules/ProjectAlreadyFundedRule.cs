namespace ProjectWorkflow.Funding.Rules;

/// <summary>Another application that already holds (or is being granted) support for the same project.</summary>
public sealed record FundedProject(string ApplicationNumber, string SchemeKey, string Reason);

/// <summary>One project, one support: the same USCC + project fingerprint, or an invoice already claimed, is refused.</summary>
public sealed class ProjectAlreadyFundedRule(IReadOnlyList<FundedProject> matches) : IFundingRule
{
    public bool IsBroken() => matches.Count > 0;

    public RuleMessage Message => matches.Count == 0
        ? new("", "")
        : new($"该项目已获或正在申请市级专项资金支持（{matches[0].ApplicationNumber}，{matches[0].Reason}），同一项目不得重复支持。",
              $"This project already has, or is applying for, city fund support ({matches[0].ApplicationNumber}: {matches[0].Reason}); one project is supported once.");
}
