namespace ProjectWorkflow.Funding.Reviews;

/// <summary>The fields an expert of the pool reviews in, and the seats a panel's mix names.</summary>
public static class ExpertFields
{
    public const string Technical = "technical";
    public const string Financial = "financial";

    /// <summary>A seat open to an expert of any field (a rule set that names no mix).</summary>
    public const string Any = "any";

    public static readonly IReadOnlyList<string> All = [Technical, Financial];

    public static readonly string[] Seatable = [Technical, Financial, Any];

    public static bool IsKnown(string field) => All.Contains(field);

    public static bool IsSeat(string field) => Seatable.Contains(field);
}

/// <summary>How an expert is tied to an enterprise (by USCC) or to a call, each a ground for recusal (DOMAIN.md).</summary>
public static class ExpertRelationKinds
{
    /// <summary>Works or worked for the enterprise.</summary>
    public const string Employer = "employer";

    /// <summary>Advised it (consulting, paid advisory work).</summary>
    public const string Advisory = "advisory";

    /// <summary>Shares investment or control ties with it.</summary>
    public const string InvestmentOrControl = "investment-or-control";

    /// <summary>Had a legal dispute with it.</summary>
    public const string LegalDispute = "legal-dispute";

    /// <summary>Drafted the call (a scheme's notice of a year): a tie to the scheme-year, not to an enterprise.</summary>
    public const string DraftedCall = "drafted-call";

    public static readonly IReadOnlyList<string> All = [Employer, Advisory, InvestmentOrControl, LegalDispute, DraftedCall];

    public static bool IsKnown(string kind) => All.Contains(kind);
}
