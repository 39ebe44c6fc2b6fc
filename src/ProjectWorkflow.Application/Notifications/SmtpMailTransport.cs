using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// Sends through the configured SMTP server with MailKit: one connection per message, which is
/// plenty for notification volumes and leaves nothing half-open between polls.
/// </summary>
public sealed class SmtpMailTransport(SmtpSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        var host = settings.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set.");
        await client.ConnectAsync(host, settings.Port, Security(settings), cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    // Never "when available": a server that silently drops STARTTLS must not get the password in clear.
    private static SecureSocketOptions Security(SmtpSettings settings) => settings switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
