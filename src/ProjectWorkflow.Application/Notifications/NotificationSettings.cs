namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// The <c>Notifications</c> section. With <c>Smtp:Host</c> set, e-mail goes to that server;
/// without it, each e-mail is written as an .eml file to <see cref="PickupDirectory"/> (the
/// embedded run), where a person or a test can open it. Secrets come from the environment or
/// the command line (<c>Notifications__Smtp__Password</c>), never from the repository.
/// </summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications";

    /// <summary>Where .eml files go when no SMTP host is configured; default <c>&lt;DataDirectory&gt;/mail-pickup</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The portal's public address (e.g. <c>https://funding.example.gov</c>); e-mails then carry a full link.</summary>
    public string? PortalUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>How often the sender looks for mail to retry; new mail is sent as soon as its command commits.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>After this many failed attempts a mail is marked failed and left for an operator.</summary>
    public int MaxAttempts { get; set; } = 10;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    /// <summary>Default 587 (submission with STARTTLS); 465 means TLS from the first byte.</summary>
    public int Port { get; set; } = 587;

    /// <summary>True (default): the connection must be encrypted (STARTTLS, or implicit TLS on 465). False only for a relay on a trusted network.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>上海市经信委专项资金 &lt;noreply@example.gov&gt;</c>.</summary>
    public string From { get; set; } = "ProjectWorkflow <noreply@projectworkflow.local>";

    public int TimeoutSeconds { get; set; } = 30;
}
