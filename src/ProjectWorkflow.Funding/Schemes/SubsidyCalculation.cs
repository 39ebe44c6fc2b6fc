namespace ProjectWorkflow.Funding.Schemes;

/// <summary>The figures of a project the support rule reads.</summary>
public sealed record ProjectFigures(Money EligibleInvestment, Money TotalInvestment, decimal TonnesCoalSaved, string? TitleEarned);

/// <summary>An amount with the reasoning a reviewer reads beside it.</summary>
public sealed record Calculated(Money Amount, IReadOnlyList<string> Steps);

/// <summary>
/// approved amount = min(what the support rule gives, the rule's cap, the budget left) — DESIGN.md §2.
/// Every step is written out so the joint review can check it to the fen.
/// </summary>
public static class SubsidyCalculation
{
    public static Calculated Approved(SupportRule support, ProjectFigures figures, Money budgetLeft)
    {
        var steps = new List<string>();
        Money amount;
        switch (support)
        {
            case InvestmentSubsidy s:
            {
                var byRate = figures.EligibleInvestment.ApplyRate(s.Rate);
                steps.Add($"{Percent(s.Rate)} × eligible investment {figures.EligibleInvestment} = {byRate}");
                amount = Money.Min(byRate, s.Cap);
                if (amount < byRate) steps.Add($"capped at {s.Cap}");
                break;
            }
            case EnergySavingSubsidy e:
            {
                var perTonne = e.PerTonneCoalSaved.ApplyRate(figures.TonnesCoalSaved);   // per tonne × tonnes, rounded down to the fen
                var share = figures.TotalInvestment.ApplyRate(e.MaxShareOfInvestment);
                steps.Add($"{figures.TonnesCoalSaved} tce × {e.PerTonneCoalSaved} = {perTonne}; at most {Percent(e.MaxShareOfInvestment)} of investment {figures.TotalInvestment} = {share}");
                amount = Money.Min(perTonne, share, e.Cap);
                if (amount == e.Cap && e.Cap < perTonne) steps.Add($"capped at {e.Cap}");
                break;
            }
            case TitleAward t:
            {
                if (figures.TitleEarned is null || !t.AwardByTitle.TryGetValue(figures.TitleEarned, out var award))
                {
                    steps.Add($"no award: the title '{figures.TitleEarned}' is not one of {string.Join(", ", t.AwardByTitle.Keys)}");
                    return new Calculated(Money.Zero, steps);
                }
                amount = award;
                steps.Add($"award for the title '{figures.TitleEarned}': {award}");
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(support), support, "Unknown support rule.");
        }

        if (budgetLeft < amount)
        {
            var limited = Money.Max(budgetLeft, Money.Zero);
            steps.Add($"limited to the budget left, {limited}");
            amount = limited;
        }
        return new Calculated(amount, steps);
    }

    /// <summary>
    /// At acceptance: when the actual eligible investment falls short of the approved one, the subsidy
    /// is cut pro rata; it never grows above the approved amount.
    /// </summary>
    public static Calculated AfterAcceptance(Money approved, Money approvedInvestment, Money actualInvestment)
    {
        if (actualInvestment >= approvedInvestment)
            return new Calculated(approved, [$"actual investment {actualInvestment} reaches the approved {approvedInvestment}: {approved} stands"]);
        var cut = approved.ProRata(actualInvestment, approvedInvestment);
        return new Calculated(cut, [$"actual investment {actualInvestment} of approved {approvedInvestment}: {approved} × {actualInvestment.Fen}/{approvedInvestment.Fen} = {cut}"]);
    }

    private static string Percent(decimal rate) => (rate * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>The installments of an approved amount; rounding remainders go to the last one, so they add up exactly.</summary>
    public static IReadOnlyList<Money> Installments(Money approved, IReadOnlyList<int> percents)
    {
        var parts = new List<Money>(percents.Count);
        var paid = Money.Zero;
        for (var i = 0; i < percents.Count; i++)
        {
            var part = i == percents.Count - 1 ? approved - paid : approved.ApplyRate(percents[i] / 100m);
            parts.Add(part);
            paid += part;
        }
        return parts;
    }
}
