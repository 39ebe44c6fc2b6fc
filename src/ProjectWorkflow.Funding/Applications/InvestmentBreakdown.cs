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

    /// <summary>What is wrong with the figures as an investment (zh-CN and English): no category below 0, and some investment.</summary>
    public IReadOnlyList<Rules.RuleMessage> Problems()
    {
        var problems = new List<Rules.RuleMessage>();
        foreach (var category in Categories)
            if (Of(category).IsNegative) problems.Add(new($"“{NameZh(category)}”类投资不能为负数。", $"The {category} investment cannot be negative."));
        if (Total.Fen == 0) problems.Add(new("请按类别填写项目投资。", "Enter the project's investment by category."));
        return problems;
    }

    private static string NameZh(string category) => category switch
    {
        "equipment" => "设备购置",
        "software" => "软件",
        "construction" => "建筑安装",
        _ => "其他",
    };
}
