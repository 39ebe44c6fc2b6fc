using Scalar.AspNetCore;

namespace ProjectWorkflow.Web.Security;

/// <summary>
/// The headers every answer carries: a content security policy (scripts only from this site — the API reference's
/// inline start-up script by its per-request nonce —, no plugins, no framing, forms only back to this site),
/// <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy</c>, <c>Permissions-Policy</c>, and HSTS on HTTPS
/// (<c>UseHsts</c>: not for localhost). Inline <c>style</c> stays allowed: the portal's pages, Scalar and the Hangfire
/// dashboard style themselves inline, and styles cannot run code.
/// </summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "same-origin";
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

    public const string DownloadPolicy = "default-src 'none'; sandbox";

    public static string ContentSecurityPolicy(string? scriptNonce) =>
        "default-src 'self'; "
        + (scriptNonce is null ? "script-src 'self'; " : $"script-src 'self' 'nonce-{scriptNonce}'; ")
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseHsts();
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var nonce = http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var value) ? value as string : null;
                // A download (an attachment, an Excel export) is never a page: nothing in it may run, even if opened inline.
                headers.ContentSecurityPolicy = headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase)
                    ? DownloadPolicy
                    : ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
