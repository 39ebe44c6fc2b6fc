using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Workflows.Storage;

internal sealed class DefinitionRecordConfiguration : IEntityTypeConfiguration<DefinitionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(300);
        builder.Property(d => d.Key).HasMaxLength(255).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(500);
        builder.Property(d => d.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(d => d.DeployedBy).HasMaxLength(256);
        builder.Property(d => d.Status).HasMaxLength(20).IsRequired().HasDefaultValue(DefinitionStatuses.Active);
        builder.Property(d => d.ReviewedBy).HasMaxLength(256);
        builder.Property(d => d.ReviewReason).HasMaxLength(1000);
        builder.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.Key, d.ContentHash });
    }
}

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(300).IsRequired();
        builder.Property(i => i.DefinitionKey).HasMaxLength(255).IsRequired();
        builder.Property(i => i.BusinessKey).HasMaxLength(255);
        builder.Property(i => i.Status).HasMaxLength(20).IsRequired();
        builder.Property(i => i.StartedBy).HasMaxLength(256);
        builder.Property(i => i.State).IsRequired();
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => new { i.DefinitionKey, i.Status });
        builder.HasIndex(i => i.ParentInstanceId);
    }
}

internal sealed class TaskRecordConfiguration : IEntityTypeConfiguration<TaskRecord>
{
    public void Configure(EntityTypeBuilder<TaskRecord> builder)
    {
        builder.ToTable("WorkflowTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.DefinitionKey).HasMaxLength(255).IsRequired();
        builder.Property(t => t.BusinessKey).HasMaxLength(255);
        builder.Property(t => t.ElementId).HasMaxLength(255).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(500);
        builder.Property(t => t.Assignee).HasMaxLength(256);
        builder.Property(t => t.Owner).HasMaxLength(256);
        builder.Property(t => t.FormKey).HasMaxLength(500);
        builder.Property(t => t.Status).HasMaxLength(20).IsRequired();
        builder.Property(t => t.CompletedBy).HasMaxLength(256);
        builder.Property(t => t.CancelReason).HasMaxLength(1000);
        builder.HasMany(t => t.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        // The inbox: my tasks, tasks I may claim, soonest due first.
        builder.HasIndex(t => new { t.Status, t.Assignee, t.DueAt });
        builder.HasIndex(t => new { t.InstanceId, t.Status });
        builder.HasIndex(t => new { t.Status, t.DueAt });
    }
}

internal sealed class TaskCandidateConfiguration : IEntityTypeConfiguration<TaskCandidate>
{
    public void Configure(EntityTypeBuilder<TaskCandidate> builder)
    {
        builder.ToTable("WorkflowTaskCandidates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Value).HasMaxLength(256).IsRequired();
        // The inbox's "claimable by me": a group's (or a user's) claimable rows are one range of this index, in the inbox's order
        // (soonest due, then oldest, then id), and it covers what a page's keys and the tab counts read (the overdue flag last).
        builder.HasIndex(c => new { c.Value, c.IsGroup, c.Claimable, c.DueAt, c.CreatedAt, c.TaskId, c.OverdueSince })
            .HasDatabaseName("IX_WorkflowTaskCandidates_Inbox");
    }
}

internal sealed class BookmarkRecordConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("WorkflowBookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Kind).HasMaxLength(20).IsRequired();
        builder.Property(b => b.ElementId).HasMaxLength(255).IsRequired();
        builder.Property(b => b.MessageName).HasMaxLength(255);
        builder.Property(b => b.CorrelationKey).HasMaxLength(255);
        builder.Property(b => b.WorkerId).HasMaxLength(255);
        builder.HasIndex(b => b.DueAt);
        builder.HasIndex(b => new { b.MessageName, b.CorrelationKey });
        builder.HasIndex(b => b.InstanceId);
    }
}

internal sealed class JournalRecordConfiguration : IEntityTypeConfiguration<JournalRecord>
{
    public void Configure(EntityTypeBuilder<JournalRecord> builder)
    {
        builder.ToTable("WorkflowJournal");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.ElementId).HasMaxLength(255).IsRequired();
        builder.Property(j => j.Kind).HasMaxLength(64).IsRequired();
        builder.Property(j => j.Event).HasMaxLength(64).IsRequired();
        builder.Property(j => j.Actor).HasMaxLength(256);
        builder.Property(j => j.Detail).HasMaxLength(4000);
        builder.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
    }
}

internal sealed class IncidentRecordConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("WorkflowIncidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ElementId).HasMaxLength(255).IsRequired();
        builder.Property(i => i.Kind).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Message).HasMaxLength(4000).IsRequired();
        builder.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
    }
}

internal sealed class DefinitionDraftRecordConfiguration : IEntityTypeConfiguration<DefinitionDraftRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionDraftRecord> builder)
    {
        builder.ToTable("WorkflowDefinitionDrafts");
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(255);
        builder.Property(d => d.Name).HasMaxLength(500);
        builder.Property(d => d.Content).IsRequired();
        builder.Property(d => d.SavedBy).HasMaxLength(256);
    }
}
