using MimeKit;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>Hands a finished message to the outside world: an SMTP server, or a pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>Throws when the message could not be handed over; the sender then retries later.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
