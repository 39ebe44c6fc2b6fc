namespace ProjectWorkflow.Application.Refusals;

/// <summary>
/// A use case refused the caller, with a sentence they can act on. The kind of refusal is the type:
/// <see cref="NotFoundException"/>, <see cref="ConflictException"/>, <see cref="ForbiddenException"/>.
/// A broken business rule is the domain's own refusal (<c>FundingRuleBrokenException</c>), a wrong field an
/// <c>InvalidRequestException</c>; the host maps each to its problem (Web/Errors/RefusalProblems).
/// </summary>
public abstract class RefusalException(string message) : Exception(message);
