using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Users;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Account;

/// <summary>
/// The portal's cookie sign-in, its start page and its language switch; the pages are Razor components
/// (<see cref="LoginPage"/>, <see cref="HomePage"/>).
/// </summary>
public static class AccountEndpoints
{
    public static WebApplication MapPortalAccount(this WebApplication app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/login", (string? returnUrl) =>
            PortalPageResult.Page<LoginPage>(new { ReturnUrl = ReturnPath(returnUrl) }));
        account.MapPost("/login", SignIn).RequireRateLimiting(SignInLimits.Policy);
        // Like every state-changing portal request, checked for its antiforgery token and origin by ForgedRequestCheck.
        account.MapPost("/logout", async (SignInManager<PortalUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
        account.MapPost("/language", ChooseLanguageAsync);

        app.MapGet("/", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
            ? PortalPageResult.Page<HomePage>()
            : Results.LocalRedirect("/account/login")).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignIn(
        HttpContext http,
        SignInManager<PortalUser> signIn,
        PasswordCheck check,
        [FromForm] string? username,
        [FromForm] string? password,
        [FromForm] string? returnUrl)
    {
        if (!string.IsNullOrWhiteSpace(username) && !string.IsNullOrEmpty(password))
        {
            switch (await check.CheckAsync(username, password, "portal", http))
            {
                case PasswordCheck.SignedIn(var user):
                    await signIn.SignInAsync(user, isPersistent: false);
                    // The language they chose last time, in whichever browser, follows them here.
                    if (LanguageCookie.Normalise(user.PreferredCulture) is { } saved)
                        LanguageCookie.Set(http.Response, saved);
                    return Results.LocalRedirect(ReturnPath(returnUrl));
                case PasswordCheck.TooManyAttempts(var lease):
                    await SignInLimits.RefuseAsync(http, lease);
                    return Results.Empty;
            }
        }
        return PortalPageResult.Page<LoginPage>(new { ReturnUrl = ReturnPath(returnUrl), Refused = true }, StatusCodes.Status401Unauthorized);
    }

    /// <summary>The language switch of every page: remembered in this browser, and on the user when signed in.</summary>
    private static async Task<IResult> ChooseLanguageAsync(HttpContext http, ClaimsPrincipal user, ChooseLanguage language,
        [FromForm] string? culture, [FromForm] string? returnUrl, CancellationToken ct)
    {
        if (LanguageCookie.Normalise(culture) is not { } chosen)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                detail: $"culture must be one of {string.Join(", ", PortalSetup.Languages)}.",
                extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { field = "culture", message = "Choose zh-CN or en." } } });
        LanguageCookie.Set(http.Response, chosen);
        if (user.Identity?.IsAuthenticated == true && user.Identity.Name is { } name)
            await language.HandleAsync(name, chosen, ct);
        return Results.LocalRedirect(ReturnPath(returnUrl));
    }

    /// <summary>
    /// Where to go after signing in: a path on this site, else <c>/</c>, so the login form is no open redirect. A
    /// browser drops tabs and newlines and reads <c>\</c> as <c>/</c> (<c>/%09/evil.example</c> would become
    /// <c>//evil.example</c>), so a path holding any of them, or starting <c>//</c>, is not taken.
    /// </summary>
    internal static string ReturnPath(string? url) =>
        string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/'
        || (url.Length > 1 && url[1] is '/' or '\\')
        || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            ? "/"
            : url;
}
