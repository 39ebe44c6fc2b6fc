namespace ProjectWorkflow.Funding.Schemes;

/// <summary>A kind of attachment every application of the scheme-year must carry (e.g. <c>feasibility-report</c>), named for the applicant.</summary>
public sealed record RequiredAttachment(string Kind, string NameZh, string NameEn)
{
    /// <summary>What a rule set requires when it names nothing: the feasibility report.</summary>
    public static IReadOnlyList<RequiredAttachment> Default { get; } = [new("feasibility-report", "可行性研究报告", "feasibility report")];
}
