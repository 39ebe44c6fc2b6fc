using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Account;

/// <summary>
/// The portal's cookie sign-in. A minimal form for now; the portal pages will replace the
/// markup, not the flow.
/// </summary>
public static class AccountEndpoints
{
    public static WebApplication MapPortalAccount(this WebApplication app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            LoginForm(http, antiforgery, returnUrl, error: null));
        account.MapPost("/login", SignIn).RequireRateLimiting(SignInLimits.Policy);
        // Like every state-changing portal request, checked for its antiforgery token and origin by ForgedRequestCheck.
        account.MapPost("/logout", async (SignInManager<PortalUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        app.MapGet("/", Home).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignIn(
        HttpContext http,
        IAntiforgery antiforgery,
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
                    return Results.LocalRedirect(ReturnPath(returnUrl));
                case PasswordCheck.TooManyAttempts(var lease):
                    await SignInLimits.RefuseAsync(http, lease);
                    return Results.Empty;
            }
        }
        return LoginForm(http, antiforgery, returnUrl, PasswordCheck.RefusalDetail);
    }

    private static IResult LoginForm(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var message = error is null ? "" : $"""<p class="error" role="alert">{PortalPage.Encode(error)}</p>""";
        return PortalPage.Render("Sign in", $"""
            {message}
            <form method="post" action="/account/login">
              <input type="hidden" name="{PortalPage.Encode(tokens.FormFieldName)}" value="{PortalPage.Encode(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{PortalPage.Encode(ReturnPath(returnUrl))}">
              <label>User name <input name="username" autocomplete="username" required autofocus></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    private static IResult Home(HttpContext http, IAntiforgery antiforgery, ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return Results.LocalRedirect("/account/login");

        var tokens = antiforgery.GetAndStoreTokens(http);
        var roles = user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value);
        var financeDesk = roles.Any(r => r is Roles.Finance or Roles.Admin or Roles.Auditor)
            ? """<p><a href="/finance">财务工作台 Finance desk</a></p>""" : "";
        return PortalPage.Render("ProjectWorkflow", $"""
            <p>Signed in as <strong>{PortalPage.Encode(user.Identity.Name)}</strong> ({PortalPage.Encode(string.Join(", ", roles))}).</p>
            {financeDesk}
            <p><a href="/scalar">API reference</a> · <a href="/openapi/v1.json">OpenAPI document</a></p>
            <form method="post" action="/account/logout">
              <input type="hidden" name="{PortalPage.Encode(tokens.FormFieldName)}" value="{PortalPage.Encode(tokens.RequestToken)}">
              <button type="submit">Sign out</button>
            </form>
            """);
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
