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

    /// <summary>
    /// An attachment previewed inside a portal page (a PDF or an image the upload check proved to be one): framed only by
    /// this site's pages, nothing in it may load or run anything else. Chromium's PDF viewer refuses a sandboxed document,
    /// so a preview drops <c>sandbox</c> and keeps every fetch closed instead.
    /// </summary>
    public const string PreviewPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

    private const string PreviewItem = "pw.preview";

    /// <summary>Marks the answer as a preview framed by the portal's own page (<see cref="PreviewPolicy"/>).</summary>
    public static void MarkAsPreview(HttpContext http) => http.Items[PreviewItem] = true;

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
                var preview = http.Items.ContainsKey(PreviewItem);
                headers.ContentSecurityPolicy = preview ? PreviewPolicy
                    : headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase) ? DownloadPolicy
                    : ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers.XFrameOptions = preview ? "SAMEORIGIN" : "DENY";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
