namespace ProjectWorkflow.Funding.Applications;

/// <summary>A move the application's current status does not allow, said as the user would understand it.</summary>
public sealed class IllegalTransitionException : Exception
{
    public IllegalTransitionException(ApplicationStatus from, string action)
        : base($"An application that is {Describe(from)} cannot be {action}.") => From = from;

    /// <summary>The refusal in the caller's own sentence.</summary>
    public IllegalTransitionException(ApplicationStatus from, string action, string message) : base(message)
    {
        From = from;
        _ = action;
    }

    public ApplicationStatus From { get; }

    private static string Describe(ApplicationStatus status) => status switch
    {
        ApplicationStatus.ReturnedForSupplement => "returned for supplement",
        ApplicationStatus.UnderReview => "under review",
        ApplicationStatus.InPublicNotice => "in public notice",
        ApplicationStatus.AcceptanceRequested => "waiting for acceptance",
        _ => status.ToString().ToLowerInvariant(),
    };
}
