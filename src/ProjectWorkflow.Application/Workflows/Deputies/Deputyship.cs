using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Workflows.Deputies;

/// <summary>
/// 代理: while <see cref="UserName"/> is away (from <see cref="From"/> until <see cref="Until"/>), the tasks that arrive for
/// them go to <see cref="Deputy"/> too; both see them and either may act. Ended early by the person who named it.
/// </summary>
public sealed class Deputyship
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string Deputy { get; set; } = "";
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the person came back early and ended it.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset at) => EndedAt is null && From <= at && at < Until;
}

internal sealed class DeputyshipConfiguration : IEntityTypeConfiguration<Deputyship>
{
    public void Configure(EntityTypeBuilder<Deputyship> builder)
    {
        builder.ToTable("Deputyships");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserName).HasMaxLength(256).IsRequired();
        builder.Property(d => d.Deputy).HasMaxLength(256).IsRequired();
        builder.Property(d => d.Reason).HasMaxLength(500);
        // Tasks arriving look up the deputies of their people: by person, then period.
        builder.HasIndex(d => new { d.UserName, d.Until });
        builder.HasIndex(d => d.Deputy);
    }
}
