using Microsoft.AspNetCore.Localization;

namespace ProjectWorkflow.Web.Portal;

/// <summary>The cookie that remembers the portal language in this browser (a year; the user's row keeps it across browsers).</summary>
public static class LanguageCookie
{
    public const string Name = "pw.lang";

    public static string? Normalise(string? culture) =>
        PortalSetup.Languages.FirstOrDefault(l => string.Equals(l, culture, StringComparison.OrdinalIgnoreCase));

    public static void Set(HttpResponse response, string culture) =>
        response.Cookies.Append(Name, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
        });
}
