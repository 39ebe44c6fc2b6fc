namespace ProjectWorkflow.Web.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>HMAC key (at least 32 characters) for the tokens we issue. Share it across nodes.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// An external OpenID Connect provider (e.g. https://login.example.gov/realms/pw). When set,
    /// bearer tokens are validated against its published keys and we issue none ourselves.
    /// </summary>
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "projectworkflow";
    public string Audience { get; set; } = "projectworkflow-api";
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>Claim holding the user name / roles in bearer tokens; external providers differ (e.g. preferred_username, roles).</summary>
    public string NameClaimType { get; set; } = "name";
    public string RoleClaimType { get; set; } = "role";

    /// <summary>Only for a local test provider served over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// How long (seconds) the check that a token's or cookie's user still exists, is not locked out and has the same
    /// security stamp (roles, password) is remembered; 0 checks on every request.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 10;

    /// <summary>
    /// Whether the portal's cookies carry <c>Secure</c>. Unset: always, except in the Development environment (the
    /// local run over plain http://127.0.0.1).
    /// </summary>
    public bool? SecureCookies { get; set; }

    public SignInLimitSettings SignInLimits { get; set; } = new();

    public bool UsesExternalProvider => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>
/// <c>Auth:SignInLimits</c>: how many sign-in attempts (token and portal form together) are allowed per client address
/// and per user name within <see cref="WindowSeconds"/>; beyond that the answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class SignInLimitSettings
{
    public int PerAddress { get; set; } = 20;
    public int PerUserName { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;
}
