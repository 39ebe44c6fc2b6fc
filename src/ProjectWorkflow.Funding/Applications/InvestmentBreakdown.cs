namespace ProjectWorkflow.Funding.Applications;

/// <summary>The investment of a project by cost category (equipment, software, construction, other).</summary>
public sealed record InvestmentBreakdown(Money Equipment, Money Software, Money Construction, Money Other)
{
    public static readonly IReadOnlyList<string> Categories = ["equipment", "software", "construction", "other"];

    public Money Total => Equipment + Software + Construction + Other;

    public Money Of(string category) => category switch
    {
        "equipment" => Equipment,
        "software" => Software,
        "construction" => Construction,
        "other" => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, $"Cost categories are {string.Join(", ", Categories)}."),
    };

    /// <summary>The part of the investment the rule set counts.</summary>
    public Money Eligible(IEnumerable<string> eligibleCategories) =>
        eligibleCategories.Distinct().Aggregate(Money.Zero, (sum, category) => sum + Of(category));

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var category in Categories)
            if (Of(category).IsNegative) problems.Add($"The {category} investment cannot be negative.");
        if (Total.Fen == 0) problems.Add("Enter the project's investment by category.");
        return problems;
    }
}
