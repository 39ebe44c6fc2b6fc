namespace ProjectWorkflow.Funding.Schemes;

/// <summary>How a scheme's rule set turns a project's figures into a subsidy.</summary>
public abstract record SupportRule;

/// <summary>A share of the approved eligible investment, capped (tech-upgrade, smart-factory).</summary>
public sealed record InvestmentSubsidy(decimal Rate, Money Cap) : SupportRule;

/// <summary>So much per tonne of standard coal saved, at most a share of the investment, capped (green / energy saving).</summary>
public sealed record EnergySavingSubsidy(Money PerTonneCoalSaved, decimal MaxShareOfInvestment, Money Cap) : SupportRule;

/// <summary>A lump sum by the title earned (green factory, green park).</summary>
public sealed record TitleAward(IReadOnlyDictionary<string, Money> AwardByTitle) : SupportRule;

/// <summary>
/// A share of the interest actually paid on the project's loan, capped (smart-factory, city 2024: 50%). Approved on the
/// interest the loan will bear; paid installment by installment on evidence of interest paid.
/// </summary>
public sealed record LoanInterestSubsidy(decimal Share, Money Cap) : SupportRule;

/// <summary>A share of the value of equipment taken under a finance lease, capped (smart-factory, city 2024: 5%).</summary>
public sealed record FinanceLeaseSubsidy(decimal Share, Money Cap) : SupportRule;

/// <summary>
/// One support method a rule set offers (an instrument, or a tier of one): the applicant names it by its key, and a
/// project has one. E.g. green-park's <c>standard</c>, <c>energy-performance-contract</c>, <c>low-carbon</c> tiers.
/// </summary>
public sealed record SupportOption(string Key, string Name, string NameZh, SupportRule Rule);
