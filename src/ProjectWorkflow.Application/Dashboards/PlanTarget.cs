using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Dashboards;

/// <summary>How the fund's own data measures progress toward a target (<see cref="PlanTarget.Measure"/>).</summary>
public static class PlanMeasures
{
    /// <summary>Projects of the target's scheme: promised = approved onward, reached = accepted or closed.</summary>
    public const string Projects = "projects";

    /// <summary>Investment (fen) of the target's scheme: promised = the applications' total, reached = the audited actual at acceptance.</summary>
    public const string Investment = "investment";

    /// <summary>Projects of the target's scheme seeking the target's title (green-park, green-factory ...), as <see cref="Projects"/>.</summary>
    public const string Title = "title";

    /// <summary>
    /// The sum of one project figure (<see cref="PlanTarget.Figure"/>, e.g. CO₂ cut in tonnes) over the funded projects
    /// (promised) and the evaluated ones (delivered), in the scope of the target's scheme (every scheme when none).
    /// </summary>
    public const string Sum = "sum";

    /// <summary>
    /// The projects' own ratio of two figures, <see cref="PlanTarget.Figure"/> × <see cref="PlanTarget.Scale"/> ÷
    /// <see cref="PlanTarget.PerFigure"/> (e.g. R&amp;D spend per output in percent), as the plan's indicators are ratios.
    /// </summary>
    public const string Ratio = "ratio";

    public static readonly IReadOnlyList<string> All = [Projects, Investment, Title, Sum, Ratio];
}

/// <summary>
/// One target of the city's plan (DOMAIN.md "Plan targets to track"): reference data seeded from
/// <c>Dashboards/Seed/plan-targets.json</c>, never a constant in code. A target the fund's data cannot measure (a city
/// statistic such as value added per GDP) has no <see cref="Measure"/> and is shown with its target only.
/// </summary>
public sealed class PlanTarget
{
    public string Key { get; set; } = "";
    public int Position { get; set; }
    public string Group { get; set; } = "";
    public string LabelZh { get; set; } = "";
    public string LabelEn { get; set; } = "";

    /// <summary>count, fen (money: the target in integer fen), or percent/text for indicators only described.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The number to reach, in <see cref="Unit"/>; null where the plan states the target in words.</summary>
    public long? Target { get; set; }
    public string? TargetTextZh { get; set; }
    public string? TargetTextEn { get; set; }
    public int TargetYear { get; set; }
    public string? Measure { get; set; }
    public string? SchemeKey { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }

    /// <summary>For <see cref="PlanMeasures.Sum"/> and <see cref="PlanMeasures.Ratio"/>: the project figure measured (<see cref="PlanFigures"/>).</summary>
    public string? Figure { get; set; }

    /// <summary>For <see cref="PlanMeasures.Ratio"/>: the figure it is divided by.</summary>
    public string? PerFigure { get; set; }

    /// <summary>For <see cref="PlanMeasures.Ratio"/>: what the quotient is multiplied by (100 for a percentage; 10^10 for "per 100M yuan" of fen).</summary>
    public decimal? Scale { get; set; }

    /// <summary>The unit of the measured value: a figure's unit (fen, tce, t, m3, m2, count) or a ratio's (percent, per-100m-yuan …).</summary>
    public string? ValueUnit { get; set; }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> builder)
    {
        builder.ToTable("PlanTargets");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.Group).HasMaxLength(64).IsRequired();
        builder.Property(t => t.LabelZh).HasMaxLength(200).IsRequired();
        builder.Property(t => t.LabelEn).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Unit).HasMaxLength(32).IsRequired();
        builder.Property(t => t.TargetTextZh).HasMaxLength(200);
        builder.Property(t => t.TargetTextEn).HasMaxLength(200);
        builder.Property(t => t.Measure).HasMaxLength(32);
        builder.Property(t => t.SchemeKey).HasMaxLength(64);
        builder.Property(t => t.Title).HasMaxLength(100);
        builder.Property(t => t.Source).HasMaxLength(500);
        builder.Property(t => t.Figure).HasMaxLength(64);
        builder.Property(t => t.PerFigure).HasMaxLength(64);
        builder.Property(t => t.Scale).HasPrecision(28, 10);
        builder.Property(t => t.ValueUnit).HasMaxLength(32);
    }
}
