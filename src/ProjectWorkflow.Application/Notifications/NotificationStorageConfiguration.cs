using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(n => n.Kind).HasMaxLength(32).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(500).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(4000).IsRequired();
        builder.Property(n => n.TitleEn).HasMaxLength(500);
        builder.Property(n => n.BodyZh).HasMaxLength(4000);
        builder.Property(n => n.BusinessKey).HasMaxLength(255);
        builder.Property(n => n.Actor).HasMaxLength(256).IsRequired();
        // The inbox: rows to me or to my groups, newest first.
        builder.HasIndex(n => new { n.Recipient, n.RecipientIsGroup, n.CreatedAt });
        // "Who was copied on this task" when its decision is announced.
        builder.HasIndex(n => new { n.TaskId, n.Kind });
    }
}

internal sealed class NotificationReadMarkConfiguration : IEntityTypeConfiguration<NotificationReadMark>
{
    public void Configure(EntityTypeBuilder<NotificationReadMark> builder)
    {
        builder.ToTable("NotificationReadMarks");
        builder.HasKey(m => new { m.NotificationId, m.UserName });
        builder.Property(m => m.UserName).HasMaxLength(256);
        builder.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QueuedMailConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public void Configure(EntityTypeBuilder<QueuedMail> builder)
    {
        builder.ToTable("QueuedMail");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.ToAddress).HasMaxLength(320).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(8000).IsRequired();
        builder.Property(m => m.Status).HasMaxLength(20).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // The sender's scan: due rows still queued.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.SetNull);
    }
}
