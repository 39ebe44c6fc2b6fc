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

    public static readonly IReadOnlyList<string> All = [Projects, Investment, Title];
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
    }
}
