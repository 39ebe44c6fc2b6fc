using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Funding.Ledger;

/// <summary>
/// What the next installment of a project is. Before acceptance the installments are the rule set's shares
/// of the approved amount, all but the last; once accepted, the final installment is the accepted amount less
/// everything already ordered (never negative). Zero means nothing is due.
/// </summary>
public static class InstallmentDue
{
    public static Money Next(int number, Money approved, Money? accepted, Money alreadyOrdered, IReadOnlyList<int> percents)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), number, "Installments are numbered from 1.");
        if (accepted is { } entitled)
            return Money.Max(Money.Zero, Money.Min(entitled, approved) - alreadyOrdered);
        var shares = SubsidyCalculation.Installments(approved, percents);
        return number < shares.Count ? Money.Max(Money.Zero, Money.Min(shares[number - 1], approved - alreadyOrdered)) : Money.Zero;
    }
}
