using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Projects;

/// <summary>
/// A recovery bars both the enterprise (by its USCC) and the project leader (by identity) from applying for
/// the rule set's years — recorded on the credit platform, checked at every submission.
/// </summary>
public static class CreditSanctions
{
    public static IReadOnlyList<CreditSanction> AfterRecovery(string uscc, string leaderIdentity, string applicationNumber, string reason, DateTimeOffset at, int years)
    {
        if (years <= 0) return [];
        var until = at.AddYears(years);
        var because = $"{applicationNumber}追回 recovered: {reason}";
        var sanctions = new List<CreditSanction> { new(uscc, "enterprise", until, because) };
        if (!string.IsNullOrWhiteSpace(leaderIdentity)) sanctions.Add(new CreditSanction(leaderIdentity, "leader", until, because));
        return sanctions;
    }
}
