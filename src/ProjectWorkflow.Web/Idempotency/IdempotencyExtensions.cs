namespace ProjectWorkflow.Web.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>POST, PUT, PATCH and DELETE requests under this builder honour <c>Idempotency-Key</c>.</summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyMetadata(Enabled: true));

    /// <summary>Opts one endpoint out of a group's idempotency (e.g. a token response must never be replayed).</summary>
    public static TBuilder WithoutIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyMetadata(Enabled: false));

    /// <summary>After authentication and authorization: keys are per user, and refused requests are not stored.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) =>
        app.UseMiddleware<IdempotencyMiddleware>();
}
