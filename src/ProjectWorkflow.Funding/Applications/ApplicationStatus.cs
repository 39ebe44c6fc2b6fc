namespace ProjectWorkflow.Funding.Applications;

/// <summary>Where a funding application stands (the process's stage is finer-grained).</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    ReturnedForSupplement,
    UnderReview,
    InPublicNotice,
    Approved,
    Building,
    AcceptanceRequested,
    Accepted,
    Closed,
    Rejected,
    Withdrawn,
    Terminated,
    Recovered,
}
