namespace ProjectWorkflow.Funding.Vouchers;

/// <summary>
/// Who is behind a party to a voucher: its code, legal representative and controlling party (实际控制人). Two parties
/// are related when any of the three is the same.
/// </summary>
public sealed record VoucherParty(string? Uscc, string? LegalRepresentative, string? Controller)
{
    /// <summary>How the two are related ("same USCC", "same legal representative", "shared control"), or null.</summary>
    public string? RelationTo(VoucherParty other)
    {
        if (Same(Uscc, other.Uscc)) return "same USCC";
        if (Same(LegalRepresentative, other.LegalRepresentative)) return "same legal representative";
        if (Same(Controller, other.Controller) || Same(Controller, other.Uscc) || Same(Uscc, other.Controller)) return "shared control";
        return null;
    }

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Who applies for a quota: a certified SME (its certificate) or a team (its name, place and members' ID numbers).</summary>
public sealed record VoucherApplicant(
    VoucherApplicantKind Kind,
    VoucherParty Party,
    string? CertificateNumber = null,
    string? TeamName = null,
    string? TeamPlace = null,
    IReadOnlyList<string>? Members = null)
{
    public IReadOnlyList<string> TeamMembers => Members ?? [];
}
