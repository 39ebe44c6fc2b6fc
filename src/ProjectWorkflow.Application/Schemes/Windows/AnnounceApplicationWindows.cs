using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.ScheduledChecks;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Application.Schemes.Windows;

/// <summary>
/// The scheduled check behind fixed application windows (2026 tech-upgrade: Jan 20 – Feb 4, 16:00):
/// when a window opens, every enterprise user hears of it; when it closes, the district reviewers hear
/// how many applications wait for their first review (districts forward within days of the close).
/// Submission itself always checks the window; this only tells people. Each announcement is made once,
/// however often and on however many nodes the check runs (a unique row per scheme, year and event).
/// </summary>
public sealed class AnnounceApplicationWindows(ProjectWorkflowDbContext db, TimeProvider time) : IScheduledCheck
{
    public const string Id = "application-windows";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var ruleSet in await db.Set<RuleSetRecord>().AsNoTracking().ToListAsync(cancellationToken))
        {
            var rules = JsonSerializer.Deserialize<RuleSetDocument>(ruleSet.Document, SchemeJson.Options)!;
            if (rules.WindowOpens is { } opens && now >= opens && (rules.WindowCloses is null || now < rules.WindowCloses))
                await AnnounceAsync(ruleSet, "opened", Roles.Enterprise,
                    $"申报窗口已开放：{ruleSet.SchemeKey} {ruleSet.Year}",
                    $"Applications open: {ruleSet.SchemeKey} {ruleSet.Year}",
                    $"Applications for {ruleSet.SchemeKey} {ruleSet.Year} are open until {rules.WindowCloses:yyyy-MM-dd HH:mm zzz}.",
                    $"{ruleSet.SchemeKey} {ruleSet.Year} 开始受理申报，截止时间 {rules.WindowCloses:yyyy-MM-dd HH:mm zzz}。", cancellationToken);
            if (rules.WindowCloses is { } closes && now >= closes)
            {
                var waiting = await db.Set<FundingApplication>().CountAsync(a => a.SchemeKey == ruleSet.SchemeKey && a.Year == ruleSet.Year && a.Status == ApplicationStatus.UnderReview, cancellationToken);
                await AnnounceAsync(ruleSet, "closed", Roles.DistrictReviewer,
                    $"申报窗口已关闭：{ruleSet.SchemeKey} {ruleSet.Year}，{waiting}份待初审",
                    $"Applications closed: {ruleSet.SchemeKey} {ruleSet.Year}, {waiting} waiting for district review",
                    $"Applications for {ruleSet.SchemeKey} {ruleSet.Year} closed at {closes:yyyy-MM-dd HH:mm zzz}; {waiting} wait for district review.",
                    $"{ruleSet.SchemeKey} {ruleSet.Year} 申报窗口已于 {closes:yyyy-MM-dd HH:mm zzz} 关闭，{waiting} 份申报待区级初审。", cancellationToken);
            }
        }
    }

    private async Task AnnounceAsync(RuleSetRecord ruleSet, string @event, string group, string title, string titleEn, string body, string bodyZh, CancellationToken cancellationToken)
    {
        if (await db.Set<WindowAnnouncementRecord>().AnyAsync(w => w.SchemeKey == ruleSet.SchemeKey && w.Year == ruleSet.Year && w.Event == @event, cancellationToken))
            return;
        var now = time.GetUtcNow();
        db.Add(new WindowAnnouncementRecord { SchemeKey = ruleSet.SchemeKey, Year = ruleSet.Year, Event = @event, AnnouncedAt = now });
        db.Add(new Notification
        {
            Id = Guid.NewGuid(),
            Recipient = group,
            RecipientIsGroup = true,
            Kind = NotificationKinds.ApplicationWindow,
            Title = title,
            TitleEn = titleEn,
            Body = body,
            BodyZh = bodyZh,
            Actor = "system",
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node announced it at the same moment: the unique row says it is done.
            db.ChangeTracker.Clear();
        }
    }
}
