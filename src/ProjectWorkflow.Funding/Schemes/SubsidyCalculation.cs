namespace ProjectWorkflow.Funding.Schemes;

/// <summary>The figures of a project the support rule reads.</summary>
public sealed record ProjectFigures(Money EligibleInvestment, Money TotalInvestment, decimal TonnesCoalSaved, string? TitleEarned)
{
    /// <summary>The interest the project's loan bears over the build period, as the applicant declares it (loan-interest subsidy).</summary>
    public Money LoanInterest { get; init; }

    /// <summary>The value of the equipment taken under a finance lease (finance-lease subsidy).</summary>
    public Money LeasedEquipment { get; init; }
}

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
            case LoanInterestSubsidy l:
            {
                var byShare = figures.LoanInterest.ApplyRate(l.Share);
                steps.Add($"{Percent(l.Share)} × loan interest {figures.LoanInterest} = {byShare}");
                amount = Money.Min(byShare, l.Cap);
                if (amount < byShare) steps.Add($"capped at {l.Cap}");
                break;
            }
            case FinanceLeaseSubsidy f:
            {
                var byShare = figures.LeasedEquipment.ApplyRate(f.Share);
                steps.Add($"{Percent(f.Share)} × leased equipment {figures.LeasedEquipment} = {byShare}");
                amount = Money.Min(byShare, f.Cap);
                if (amount < byShare) steps.Add($"capped at {f.Cap}");
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

    /// <summary>
    /// A loan-interest installment on evidence of interest paid: the rule's share of the interest paid, never more than
    /// what is left of the approved amount (which is itself within the cap).
    /// </summary>
    public static Calculated InterestInstallment(LoanInterestSubsidy rule, Money interestPaid, Money approved, Money alreadyOrdered)
    {
        var byShare = interestPaid.ApplyRate(rule.Share);
        var left = Money.Max(Money.Zero, Money.Min(approved, rule.Cap) - alreadyOrdered);
        var steps = new List<string> { $"{Percent(rule.Share)} × interest paid {interestPaid} = {byShare}" };
        if (left < byShare) steps.Add($"limited to what is left of the approved amount, {left}");
        return new Calculated(Money.Min(byShare, left), steps);
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
