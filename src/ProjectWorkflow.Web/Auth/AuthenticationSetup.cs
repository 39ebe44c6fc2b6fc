using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Web.Auth;

/// <summary>
/// Identity for users and roles; JWT bearer for API clients (our own tokens, or an external
/// OpenID Connect provider's); a cookie for the portal. API routes never redirect: they
/// answer 401/403, which the error handling turns into problem+json.
/// </summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuthSettings>()
            .BindConfiguration(AuthSettings.Section)
            .Validate<IHostEnvironment, IConfiguration>(
                (settings, environment, config) => SigningKeyStore.Problem(settings, environment, config) is null,
                "Auth is not configured: set Auth:SigningKey (at least 32 characters) or Auth:Authority + Auth:Audience.")
            .ValidateOnStart();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<TokenIssuer>();

        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole), services).AddSignInManager();
        services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<PortalUser>>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AuthSettings>>((options, settings) =>
                options.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, settings.Value.SessionCheckSeconds)));
        services.AddMemoryCache();
        services.AddScoped<PasswordCheck>();
        services.AddSignInLimits();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthSchemes.BearerOrCookie;
                options.DefaultChallengeScheme = AuthSchemes.BearerOrCookie;
            })
            .AddPolicyScheme(AuthSchemes.BearerOrCookie, "Bearer token or portal cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? AuthSchemes.Bearer : AuthSchemes.Cookie)
            .AddJwtBearer(AuthSchemes.Bearer)
            .AddCookie(AuthSchemes.Cookie, ConfigureCookie)
            // Identity's SecurityStampValidator signs a rejected session out of this scheme too (as AddIdentity registers
            // it); we have no two-factor sign-in, so it never holds anything.
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, options => options.Cookie.Name = "pw.2fa");

        // The enterprise a user acts for is a group of theirs (the engine offers the enterprise's steps to it).
        services.AddScoped<IClaimsTransformation, EnterpriseGroupClaims>();

        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer)
            .Configure<IOptions<AuthSettings>, SigningKeyStore>((options, settings, keys) =>
                ConfigureBearer(options, settings.Value, keys));
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie)
            .Configure<IOptions<AuthSettings>, IHostEnvironment>((options, settings, environment) =>
                options.Cookie.SecurePolicy = CookieSecurity(settings.Value, environment));

        services.AddDataProtection()
            .SetApplicationName("ProjectWorkflow");
        services.AddSingleton<KeyRingInDatabase>();
        services.AddOptions<KeyManagementOptions>()
            // One key ring for every node, in the database (see KeyRingInDatabase): cookies and antiforgery tokens
            // issued by one node are good on another, and survive restarts.
            .Configure<KeyRingInDatabase>((options, ring) => options.XmlRepository ??= ring);

        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<AuthSettings>, IHostEnvironment>((options, settings, environment) =>
            {
                options.Cookie.SecurePolicy = CookieSecurity(settings.Value, environment);
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
            });
        return services;
    }

    /// <summary>
    /// Cookies are <c>Secure</c> except on a developer's local run (the Development environment, plain
    /// http://127.0.0.1), unless <c>Auth:SecureCookies</c> says otherwise.
    /// </summary>
    internal static CookieSecurePolicy CookieSecurity(AuthSettings settings, IHostEnvironment environment) =>
        (settings.SecureCookies ?? !environment.IsDevelopment()) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static void ConfigureBearer(JwtBearerOptions options, AuthSettings settings, SigningKeyStore keys)
    {
        // Keep claim names as sent ("role", "name"): the inbound mapping to long WS-* URIs
        // would make the configured claim types below miss.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            NameClaimType = settings.NameClaimType,
            RoleClaimType = settings.RoleClaimType,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        options.Events = new JwtBearerEvents { OnTokenValidated = SessionCheck.OnTokenValidatedAsync };

        if (settings.UsesExternalProvider)
        {
            options.Authority = settings.Authority;
            options.Audience = settings.Audience;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            return;
        }

        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidIssuer = settings.Issuer;
        options.TokenValidationParameters.ValidateIssuerSigningKey = true;
        options.TokenValidationParameters.IssuerSigningKey = keys.Key;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "pw.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        // The security stamp (roles, password, lockout) is checked every Auth:SessionCheckSeconds.
        options.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/engine-rest") || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
