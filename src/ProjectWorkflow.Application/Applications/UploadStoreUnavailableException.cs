namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The store attachments' bytes are kept in (an S3-compatible bucket) could not be reached or is not taking work now:
/// an outage to retry, not a bug. The host answers 503 with <c>Retry-After</c>; an upload that met it left no row.
/// </summary>
public sealed class UploadStoreUnavailableException(Exception cause)
    : Exception($"The upload store is unavailable: {cause.GetType().Name}: {cause.Message}", cause);
