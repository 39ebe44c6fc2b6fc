namespace ProjectWorkflow.Application.Notifications;

/// <summary>
/// One message in the in-portal inbox, addressed to a user or to a whole group (role, possibly
/// suffixed like <c>district-reviewer:pudong</c>). A group row is stored once and seen by every
/// member, so a large group costs one row, and someone who joins the group later sees it too.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    /// <summary>A user name, or a group name when <see cref="RecipientIsGroup"/>.</summary>
    public string Recipient { get; set; } = "";
    public bool RecipientIsGroup { get; set; }

    /// <summary>What happened, one of <see cref="NotificationKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The Chinese headline the inbox lists and the e-mail subject carries.</summary>
    public string Title { get; set; } = "";

    /// <summary>The same headline in English (null on rows written before it was kept: the reader then sees <see cref="Title"/>).</summary>
    public string? TitleEn { get; set; }

    /// <summary>Plain text in English: the details (process, task, message, who).</summary>
    public string Body { get; set; } = "";

    /// <summary>The same details in Chinese (null on rows written before they were kept: the reader then sees <see cref="Body"/>).</summary>
    public string? BodyZh { get; set; }

    /// <summary>The process it is about; null for notices about the fund itself (an application window opening).</summary>
    public Guid? InstanceId { get; set; }
    public Guid? TaskId { get; set; }
    public string? BusinessKey { get; set; }

    /// <summary>Who caused it (a user name, or <c>system</c> for timers and scheduled checks).</summary>
    public string Actor { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the user read a row addressed to them. Group rows keep per-member state in <see cref="NotificationReadMark"/>.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
