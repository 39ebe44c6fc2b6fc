using Scalar.AspNetCore;

namespace ProjectWorkflow.Web.OpenApi;

/// <summary>The contract as OpenAPI at <c>/openapi/v1.json</c>, browsable with Scalar at <c>/scalar</c>.</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<IdempotencyKeyHeaderTransformer>();
        });
        return services;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // A fresh nonce per request for Scalar's inline start-up script, which the content security policy names
        // (Security/SecurityHeaders); its fonts come from this site, not Scalar's CDN.
        app.MapScalarApiReference(options => options.WithTitle("ProjectWorkflow API").WithNonce().DisableDefaultFonts()).AllowAnonymous();
        return app;
    }
}
