using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProjectWorkflow.Web.Idempotency;

namespace ProjectWorkflow.Web.OpenApi;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every operation that honours it.</summary>
internal sealed class IdempotencyKeyHeaderTransformer : IOpenApiOperationTransformer
{
    private static readonly HashSet<string> StateChangingMethods = new(["POST", "PUT", "PATCH", "DELETE"], StringComparer.OrdinalIgnoreCase);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.HttpMethod is not { } method || !StateChangingMethods.Contains(method))
            return Task.CompletedTask;
        if (description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyMetadata>().LastOrDefault() is not { Enabled: true })
            return Task.CompletedTask;

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Retrying with the same key and body returns the first response and changes nothing; "
                          + "the same key with another body answers 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 },
        });
        return Task.CompletedTask;
    }
}
