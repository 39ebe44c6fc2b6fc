namespace ProjectWorkflow.Funding.Applications;

/// <summary>
/// A funding application's life, with guarded moves: each refuses, with a reason, a move its status does
/// not allow. The process decides when to move; this decides whether the move is legal.
/// </summary>
public sealed class ApplicationLifecycle
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Allowed = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Submitted] = [ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForSupplement, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Terminated],
        [ApplicationStatus.ReturnedForSupplement] = [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, ApplicationStatus.Rejected, ApplicationStatus.Terminated],
        [ApplicationStatus.UnderReview] = [ApplicationStatus.ReturnedForSupplement, ApplicationStatus.InPublicNotice, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Terminated],
        [ApplicationStatus.InPublicNotice] = [ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Terminated],
        [ApplicationStatus.Approved] = [ApplicationStatus.Building, ApplicationStatus.Terminated, ApplicationStatus.Recovered],
        [ApplicationStatus.Building] = [ApplicationStatus.AcceptanceRequested, ApplicationStatus.Terminated, ApplicationStatus.Recovered],
        [ApplicationStatus.AcceptanceRequested] = [ApplicationStatus.Accepted, ApplicationStatus.Building, ApplicationStatus.Terminated, ApplicationStatus.Recovered],
        [ApplicationStatus.Accepted] = [ApplicationStatus.Closed, ApplicationStatus.Recovered],
        [ApplicationStatus.Closed] = [ApplicationStatus.Recovered],
    };

    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Draft;

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Moves to <paramref name="to"/> or refuses; <paramref name="action"/> names the move in the refusal.</summary>
    public void Move(ApplicationStatus to, string action)
    {
        if (!CanMove(Status, to)) throw new IllegalTransitionException(Status, action);
        Status = to;
    }

    public static ApplicationLifecycle At(ApplicationStatus status) => new() { Status = status };
}
