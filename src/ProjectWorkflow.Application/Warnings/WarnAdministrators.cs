using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;

namespace ProjectWorkflow.Application.Warnings;

/// <summary>
/// The scheduled check <c>admin-warnings</c>: tells the administrators in the portal of each finding of
/// <see cref="AdminWarnings"/>, once per finding, however often and on however many nodes it runs (a unique row per
/// finding key). A finding fixed and broken again is not told twice; the view always shows what is open now.
/// </summary>
public sealed class WarnAdministrators(ProjectWorkflowDbContext db, AdminWarnings warnings, TimeProvider time) : IScheduledCheck
{
    public const string Id = "admin-warnings";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in await warnings.HandleAsync(cancellationToken))
        {
            if (await db.Set<WarningNoticeRecord>().AnyAsync(w => w.Key == warning.Key, cancellationToken))
                continue;
            var now = time.GetUtcNow();
            db.Add(new WarningNoticeRecord { Key = warning.Key, NotifiedAt = now });
            db.Add(new Notification
            {
                Id = Guid.NewGuid(),
                Recipient = Roles.Admin,
                RecipientIsGroup = true,
                Kind = NotificationKinds.AdminWarning,
                Title = $"待设置：{warning.MessageZh}",
                TitleEn = $"To set: {warning.MessageEn}",
                Body = $"To set: {warning.MessageEn}\nGET /api/admin/warnings lists what is still missing.",
                BodyZh = $"待设置：{warning.MessageZh}\nGET /api/admin/warnings 列出尚未设置的各项。",
                Actor = AuditActor.System.Name,
                CreatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node told them at the same moment: the unique row says it is done.
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>That the administrators were told of one finding (its key), once.</summary>
public sealed class WarningNoticeRecord
{
    public string Key { get; set; } = "";
    public DateTimeOffset NotifiedAt { get; set; }
}

internal sealed class WarningNoticeRecordConfiguration : IEntityTypeConfiguration<WarningNoticeRecord>
{
    public void Configure(EntityTypeBuilder<WarningNoticeRecord> builder)
    {
        builder.ToTable("WarningNotices");
        builder.HasKey(w => w.Key);
        builder.Property(w => w.Key).HasMaxLength(200);
    }
}
