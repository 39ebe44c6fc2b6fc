using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Workflows.Timers;

internal sealed class StartTimerRecordConfiguration : IEntityTypeConfiguration<StartTimerRecord>
{
    public void Configure(EntityTypeBuilder<StartTimerRecord> builder)
    {
        builder.ToTable("WorkflowStartTimers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.DefinitionId).HasMaxLength(300).IsRequired();
        builder.Property(t => t.DefinitionKey).HasMaxLength(255).IsRequired();
        builder.Property(t => t.StartEventId).HasMaxLength(255).IsRequired();
        builder.Property(t => t.TimerKind).HasMaxLength(20).IsRequired();
        builder.Property(t => t.TimerText).HasMaxLength(500).IsRequired();
        builder.Property(t => t.FiredCount).IsConcurrencyToken();
        builder.HasIndex(t => new { t.DefinitionId, t.StartEventId }).IsUnique();
        builder.HasIndex(t => t.DefinitionKey);
        builder.HasIndex(t => t.NextDueAt);
    }
}
