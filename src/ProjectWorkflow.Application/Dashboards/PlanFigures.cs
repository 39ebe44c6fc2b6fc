namespace ProjectWorkflow.Application.Dashboards;

/// <summary>
/// A funded project's figures as the plan measures them: what its application promised, and — once accepted and
/// evaluated — what its passed acceptance (investment) and its evaluation (the indicators) found delivered.
/// </summary>
public sealed record ProjectFigures(
    Guid Id, string SchemeKey, bool Delivered,
    long InvestmentFen, long SoftwareFen, long OutputFen, long ValueAddedFen, long RdSpendFen, int InventionPatents,
    decimal EnergyBeforeTce, decimal EnergyAfterTce, decimal Co2ReducedTonnes, long WaterBeforeM3, long WaterAfterM3,
    decimal SolidWasteTonnes, decimal SolidWasteUtilisedTonnes, long LandM2, int Headcount, int Robots)
{
    /// <summary>The passed acceptance's actual investment (total and software), when there is one.</summary>
    public long? ActualInvestmentFen { get; init; }
    public long? ActualSoftwareFen { get; init; }

    /// <summary>The evaluation's figures, when the project was evaluated.</summary>
    public DeliveredFigures? Evaluated { get; init; }
}

/// <summary>What an evaluation recorded as reached.</summary>
public sealed record DeliveredFigures(decimal EnergySavedTce, long OutputFen, long ValueAddedFen, int Robots, long RdSpendFen, int InventionPatents,
    long WaterSavedM3, decimal Co2ReducedTonnes, decimal SolidWasteTonnes, decimal SolidWasteUtilisedTonnes, long LandM2);

/// <summary>One figure: its unit, what a project promised, and what it delivered (null while nothing was delivered).</summary>
public sealed record PlanFigure(string Unit, Func<ProjectFigures, decimal> Promised, Func<ProjectFigures, decimal?> Delivered);

/// <summary>
/// The project figures a plan target may name (<see cref="PlanTarget.Figure"/>, <see cref="PlanTarget.PerFigure"/>).
/// A baseline (water and energy used before the project, headcount) is the application's both ways: it is what the
/// savings are a share of, not a result.
/// </summary>
public static class PlanFigures
{
    public static readonly IReadOnlyDictionary<string, PlanFigure> All = new Dictionary<string, PlanFigure>
    {
        ["investment"] = new("fen", p => p.InvestmentFen, p => p.ActualInvestmentFen ?? (p.Delivered ? p.InvestmentFen : null)),
        ["software-investment"] = new("fen", p => p.SoftwareFen, p => p.ActualSoftwareFen ?? (p.Delivered ? p.SoftwareFen : null)),
        ["output"] = new("fen", p => p.OutputFen, p => p.Evaluated?.OutputFen),
        ["value-added"] = new("fen", p => p.ValueAddedFen, p => p.Evaluated?.ValueAddedFen),
        ["rd-spend"] = new("fen", p => p.RdSpendFen, p => p.Evaluated?.RdSpendFen),
        ["invention-patents"] = new("count", p => p.InventionPatents, p => p.Evaluated?.InventionPatents),
        ["energy-before"] = new("tce", p => p.EnergyBeforeTce, p => p.Evaluated is null ? null : p.EnergyBeforeTce),
        ["energy-saved"] = new("tce", p => Math.Max(0, p.EnergyBeforeTce - p.EnergyAfterTce), p => p.Evaluated?.EnergySavedTce),
        ["co2-reduced"] = new("t", p => p.Co2ReducedTonnes, p => p.Evaluated?.Co2ReducedTonnes),
        ["water-before"] = new("m3", p => p.WaterBeforeM3, p => p.Evaluated is null ? null : p.WaterBeforeM3),
        ["water-saved"] = new("m3", p => Math.Max(0, p.WaterBeforeM3 - p.WaterAfterM3), p => p.Evaluated?.WaterSavedM3),
        ["solid-waste"] = new("t", p => p.SolidWasteTonnes, p => p.Evaluated?.SolidWasteTonnes),
        ["solid-waste-utilised"] = new("t", p => p.SolidWasteUtilisedTonnes, p => p.Evaluated?.SolidWasteUtilisedTonnes),
        ["land"] = new("m2", p => p.LandM2, p => p.Evaluated?.LandM2),
        ["headcount"] = new("count", p => p.Headcount, p => p.Evaluated is null ? null : p.Headcount),
        ["robots"] = new("count", p => p.Robots, p => p.Evaluated?.Robots),
    };

    /// <summary>
    /// A target's value over <paramref name="projects"/>: the figure's sum, or for a ratio the sums' quotient times the
    /// scale (rounded to four decimals; null when the divisor's sum is 0). <paramref name="delivered"/> reads what was
    /// delivered, and counts only the projects that delivered the figure.
    /// </summary>
    public static decimal? Value(PlanTarget target, IReadOnlyCollection<ProjectFigures> projects, bool delivered)
    {
        if (target.Figure is null || !All.TryGetValue(target.Figure, out var figure)) return null;
        decimal? Sum(PlanFigure f) => delivered
            ? projects.Select(f.Delivered).OfType<decimal>().Sum()
            : projects.Sum(f.Promised);
        if (target.Measure != PlanMeasures.Ratio) return Sum(figure);
        if (target.PerFigure is null || !All.TryGetValue(target.PerFigure, out var per)) return null;
        // A ratio is taken over the projects that report both figures.
        var both = delivered ? projects.Where(p => figure.Delivered(p) is not null && per.Delivered(p) is not null).ToList() : projects.ToList();
        var numerator = delivered ? both.Sum(p => figure.Delivered(p)!.Value) : both.Sum(figure.Promised);
        var denominator = delivered ? both.Sum(p => per.Delivered(p)!.Value) : both.Sum(per.Promised);
        return denominator == 0 ? null : decimal.Round(numerator * (target.Scale ?? 1) / denominator, 4);
    }
}
