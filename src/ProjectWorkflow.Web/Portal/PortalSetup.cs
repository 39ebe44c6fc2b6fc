using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ProjectWorkflow.Web.Portal;

/// <summary>
/// The portal's pages: Razor components rendered on the server (static SSR) and returned by minimal-API endpoints,
/// so every page is a route of the route × role matrix like any other (ADR 0008). Chinese by default; English when
/// the language cookie says so (set by the switch, and at sign-in from the user's saved choice).
/// </summary>
public static class PortalSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Languages = [Chinese, English];

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the portal's own cookie chooses: not the browser's Accept-Language, not the query string.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie.Name }];
        });
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRequestLocalization();
        return app;
    }
}
