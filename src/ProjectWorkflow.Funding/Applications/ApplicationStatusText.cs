namespace ProjectWorkflow.Funding.Applications;

/// <summary>Statuses as the API and the database spell them (<c>returned-for-supplement</c>): the one mapping, both ways.</summary>
public static class ApplicationStatusText
{
    private static readonly Dictionary<ApplicationStatus, string> Texts = new()
    {
        [ApplicationStatus.Draft] = "draft",
        [ApplicationStatus.Submitted] = "submitted",
        [ApplicationStatus.ReturnedForSupplement] = "returned-for-supplement",
        [ApplicationStatus.UnderReview] = "under-review",
        [ApplicationStatus.InPublicNotice] = "in-public-notice",
        [ApplicationStatus.Approved] = "approved",
        [ApplicationStatus.Building] = "building",
        [ApplicationStatus.AcceptanceRequested] = "acceptance-requested",
        [ApplicationStatus.Accepted] = "accepted",
        [ApplicationStatus.Closed] = "closed",
        [ApplicationStatus.Rejected] = "rejected",
        [ApplicationStatus.Withdrawn] = "withdrawn",
        [ApplicationStatus.Terminated] = "terminated",
        [ApplicationStatus.Recovered] = "recovered",
    };

    private static readonly Dictionary<string, ApplicationStatus> Statuses = Texts.ToDictionary(t => t.Value, t => t.Key, StringComparer.Ordinal);

    public static string Of(ApplicationStatus status) => Texts[status];

    public static ApplicationStatus Parse(string text) =>
        Statuses.TryGetValue(text, out var status) ? status : throw new ArgumentOutOfRangeException(nameof(text), text, "Unknown application status.");

    public static bool TryParse(string? text, out ApplicationStatus status) => Statuses.TryGetValue(text ?? "", out status);

    /// <summary>The status in words for a sentence: "returned for supplement".</summary>
    public static string InWords(ApplicationStatus status) => Of(status).Replace('-', ' ');
}
