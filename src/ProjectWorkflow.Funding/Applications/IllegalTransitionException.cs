namespace ProjectWorkflow.Funding.Applications;

/// <summary>A move the application's current status does not allow, said as the user would understand it.</summary>
public sealed class IllegalTransitionException(ApplicationStatus from, string action)
    : Exception($"An application that is {Describe(from)} cannot be {action}.")
{
    public ApplicationStatus From { get; } = from;

    private static string Describe(ApplicationStatus status) => status switch
    {
        ApplicationStatus.ReturnedForSupplement => "returned for supplement",
        ApplicationStatus.UnderReview => "under review",
        ApplicationStatus.InPublicNotice => "in public notice",
        ApplicationStatus.AcceptanceRequested => "waiting for acceptance",
        _ => status.ToString().ToLowerInvariant(),
    };
}
