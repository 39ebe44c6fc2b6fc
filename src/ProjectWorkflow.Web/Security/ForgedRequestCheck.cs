using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace ProjectWorkflow.Web.Security;

/// <summary>
/// Cross-site request forgery is refused for the whole app, not endpoint by endpoint: every state-changing
/// request (anything but GET/HEAD/OPTIONS/TRACE) that a browser could send on its own — a portal route, or an
/// <c>/api</c> call carried by the portal cookie — must come from this site (<c>Origin</c>, else <c>Referer</c>,
/// names this host; 403 otherwise) and carry a valid antiforgery token (the form field of the portal's forms, or
/// the <c>RequestVerificationToken</c> header; 400 otherwise). Bearer-token calls are not affected: a browser never
/// adds an <c>Authorization</c> header to a forged request, and the bearer scheme ignores the cookie.
/// </summary>
/// <remarks>
/// ASP.NET Core's own <c>UseAntiforgery</c> only validates endpoints that bind a form, and a route that declares
/// <c>RequireAntiforgeryToken</c> without binding one is never actually checked; a page added tomorrow is
/// checked here without declaring anything.
/// </remarks>
public sealed class ForgedRequestCheck(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems, ILogger<ForgedRequestCheck> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!BrowserCouldForge(http))
        {
            await next(http);
            return;
        }

        if (ForeignOrigin(http.Request) is { } origin)
        {
            logger.LogWarning("Refused {Method} {Path} from a foreign origin {Origin}", http.Request.Method, http.Request.Path, origin);
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "Request from another site",
                "This request came from another site (its Origin or Referer is not this portal), so it was not carried out.");
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException refusal)
        {
            logger.LogWarning("Refused {Method} {Path} without a valid antiforgery token: {Reason}", http.Request.Method, http.Request.Path, refusal.Message);
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
                "The request did not carry this portal's antiforgery token, so it was not carried out. Reload the page and press the button again "
                + "(scripts using the portal cookie send the token in the RequestVerificationToken header; API clients use a bearer token instead).");
            return;
        }

        await next(http);
    }

    /// <summary>A state-changing request to a route of ours that a browser sends with our cookie (or to a portal form, signed in or not).</summary>
    internal static bool BrowserCouldForge(HttpContext http)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            return false;
        if (http.GetEndpoint() is null)
            return false;
        if (http.Request.Headers.Authorization.Count > 0)
            return false;
        // An anonymous API call gets its 401 from authorization; a signed-in one was authenticated by the cookie.
        return !(http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/engine-rest")) || http.User.Identity?.IsAuthenticated == true;
    }

    /// <summary>The Origin (or, without one, the Referer) when it names another site; null when it is this one or absent.</summary>
    internal static string? ForeignOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            origin = request.Headers.Referer.ToString();
        if (origin.Length == 0)
            return null;
        return SameSite(origin, request.Host) ? null : origin;
    }

    private static bool SameSite(string url, HostString host)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !host.HasValue)
            return false;
        if (!string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase))
            return false;
        // Behind a TLS-terminating proxy the scheme (and so the default port) differs: only an explicit port must match.
        return host.Port is not { } port || uri.Port == port;
    }

    private async Task RefuseAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
