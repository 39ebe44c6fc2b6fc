namespace ProjectWorkflow.Application.Refusals;

/// <summary>
/// A use case refused the caller, with a sentence they can act on. The kind of refusal is the type:
/// <see cref="NotFoundException"/>, <see cref="ConflictException"/>, <see cref="ForbiddenException"/>.
/// A broken business rule is the domain's own refusal (<c>FundingRuleBrokenException</c>), a wrong field an
/// <c>InvalidRequestException</c>; the host maps each to its problem (Web/Errors/RefusalProblems).
/// <para>The message is English (the API's <c>detail</c>); a use case that says it in Chinese too gives
/// <paramref name="chinese"/>, kept apart (never both pasted into one string), and a portal page shows the reader's
/// language.</para>
/// </summary>
public abstract class RefusalException(string message, string? chinese) : Exception(message)
{
    /// <summary>The same sentence in Chinese, or null when the use case gave only the English.</summary>
    public string? Chinese { get; } = chinese;
}
