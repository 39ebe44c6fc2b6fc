
namespace ProjectWorkflow.Funding.Schemes;

/// <summary>How a scheme's rule set turns a project's figures into a subsidy.</summary>
public abstract record SupportRule;

/// <summary>A share of the approved eligible investment, capped (tech-upgrade, smart-factory).</summary>
public sealed record InvestmentSubsidy(decimal Rate, Money Cap) : SupportRule;

/// <summary>So much per tonne of standard coal saved, at most a share of the investment, capped (green / energy saving).</summary>
public sealed record EnergySavingSubsidy(Money PerTonneCoalSaved, decimal MaxShareOfInvestment, Money Cap) : SupportRule;

/// <summary>A lump sum by the title earned (green factory, green park).</summary>
public sealed record TitleAward(IReadOnlyDictionary<string, Money> AwardByTitle) : SupportRule;
