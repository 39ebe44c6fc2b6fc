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

    public bool UsesExternalProvider => !string.IsNullOrWhiteSpace(Authority);
}
