namespace ProjectWorkflow.Funding.Schemes;

/// <summary>One line of the scoring rubric: what experts score and the most it can get.</summary>
public sealed record RubricCriterion(string Key, string Name, decimal MaxPoints);

/// <summary>
/// The expert panel: how many sit, how many score sheets the verdict needs (the quorum, its own figure: e.g. 5 of
/// 7), the rubric and the pass mark, the mix of fields the seats are drawn in (e.g. 4 technical + 3 financial), and
/// how many years back an employment, advisory work, investment tie or legal dispute keeps an expert off a file.
/// </summary>
public sealed record PanelRule(int Size, int Quorum, IReadOnlyList<RubricCriterion> Rubric, decimal PassScore, bool DropHighestAndLowest)
{
    public decimal MaxTotal => Rubric.Sum(c => c.MaxPoints);

    /// <summary>Seats per field (<see cref="Reviews.ExpertFields"/>); empty = every seat open to any field.</summary>
    public IReadOnlyDictionary<string, int> Seats { get; init; } = new Dictionary<string, int>();

    /// <summary>Years an ended relation to the applicant still keeps an expert off its file (DOMAIN: 3, found for procurement experts).</summary>
    public int ConflictLookbackYears { get; init; } = 3;

    /// <summary>The seats to draw per field: the rule's mix, or the whole panel from any field.</summary>
    public IReadOnlyDictionary<string, int> SeatsByField =>
        Seats.Count > 0 ? Seats : new Dictionary<string, int> { [Reviews.ExpertFields.Any] = Size };

    /// <summary>What is wrong with the panel's figures, as sentences for the administrator (zh-CN and English).</summary>
    public IEnumerable<Rules.RuleMessage> Problems()
    {
        if (Size < 1 || Quorum < 1 || Quorum > Size) yield return new("评审组至少须有一名专家，且法定人数不得超过评审组人数。", "The panel needs at least one expert and a quorum no larger than the panel.");
        if (Seats.Count > 0 && Seats.Values.Sum() != Size)
            yield return new($"各领域席位（{string.Join("、", Seats.Select(s => $"{s.Key} {s.Value}"))}）之和须等于评审组人数（{Size}）。",
                $"The seats per field ({string.Join(", ", Seats.Select(s => $"{s.Key} {s.Value}"))}) must add up to the panel's size ({Size}).");
        if (Seats.Any(s => s.Value < 0 || !Reviews.ExpertFields.IsSeat(s.Key)))
            yield return new($"席位按领域抽取：{string.Join("、", Reviews.ExpertFields.Seatable)}，每个领域的席位数为0或以上。",
                $"Seats are drawn per field: {string.Join(", ", Reviews.ExpertFields.Seatable)}, each a number of seats of 0 or more.");
        if (ConflictLookbackYears is < 0 or > 20) yield return new("利益冲突回避年限为0至20年。", "The conflict-of-interest look-back is 0 to 20 years.");
    }
}
