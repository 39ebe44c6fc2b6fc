using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// Sends the e-mails that are due: claims a batch of rows with a short lease in one conditional UPDATE (so two nodes never
/// send the same one at once), hands each to the transport, and records the batch's outcomes in one save. A failure is
/// kept on the row with the next attempt pushed back (30 s, 1 min, 2 min ... at most an hour) until
/// <see cref="NotificationSettings.MaxAttempts"/>; nothing is ever deleted. If the node dies after a send and before the
/// save, the row's lease expires and it is sent again with the same Message-ID (see <see cref="ToMessage"/>).
/// </summary>
public sealed class SendQueuedMail(
    ProjectWorkflowDbContext db, IMailTransport transport, IOptions<NotificationSettings> settings, TimeProvider time,
    ILogger<SendQueuedMail> logger)
{
    public const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Returns how many rows it worked on (sent or failed); a full batch means more may be due.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var mails = await ClaimAsync(cancellationToken);
        if (mails.Count == 0) return 0;
        try
        {
            foreach (var mail in mails)
                await SendOneAsync(mail, cancellationToken);
        }
        finally
        {
            // Not the request's token: the sends that happened must be recorded even while the host stops. A row not
            // reached (the host stopping) keeps its lease and is sent once the lease expires.
            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
        return mails.Count;
    }

    /// <summary>The due rows this sender won: one UPDATE under a fresh token, then the rows that carry it (tracked, to record each outcome).</summary>
    private async Task<List<QueuedMail>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await Due(now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return [];

        var token = Guid.NewGuid();
        var until = now + Lease;
        var claimed = await Due(now).Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until).SetProperty(m => m.ClaimToken, token), cancellationToken);
        if (claimed == 0) return [];
        return await db.Set<QueuedMail>().Where(m => due.Contains(m.Id) && m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptAt).ToListAsync(cancellationToken);
    }

    private IQueryable<QueuedMail> Due(DateTimeOffset now) =>
        db.Set<QueuedMail>().Where(m => m.Status == QueuedMailStatuses.Queued && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));

    private async Task SendOneAsync(QueuedMail mail, CancellationToken cancellationToken)
    {
        mail.Attempts++;
        try
        {
            await transport.SendAsync(ToMessage(mail), cancellationToken);
            mail.Status = QueuedMailStatuses.Sent;
            mail.SentAt = time.GetUtcNow();
            mail.LastError = null;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = $"{failure.GetType().Name}: {failure.Message}";
            mail.LastError = error.Length > 2000 ? error[..2000] : error;
            if (mail.Attempts >= Math.Max(1, settings.Value.MaxAttempts))
            {
                mail.Status = QueuedMailStatuses.Failed;
                // The id, not the address: the row has it, and logs should not collect people's addresses.
                logger.LogError("Gave up sending mail {MailId} after {Attempts} attempts: {Error}", mail.Id, mail.Attempts, error);
            }
            else
            {
                mail.NextAttemptAt = time.GetUtcNow() + Backoff(mail.Attempts);
                logger.LogWarning("Could not send mail {MailId} (attempt {Attempts}); retrying at {NextAttemptAt}: {Error}",
                    mail.Id, mail.Attempts, mail.NextAttemptAt, error);
            }
        }
        mail.LockedUntil = null;
        mail.ClaimToken = null;
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private MimeMessage ToMessage(QueuedMail mail)
    {
        var from = MailboxAddress.Parse(settings.Value.Smtp.From);
        var message = new MimeMessage
        {
            // Stable per row: if a send succeeded but its record was lost, the retry carries the same
            // Message-ID, which lets receiving servers and mail programs drop the duplicate.
            MessageId = $"{mail.Id:N}@{from.Domain}",
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.ToAddress));
        return message;
    }
}
