using Microsoft.AspNetCore.Identity;

namespace ProjectWorkflow.Application.Identity;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The enterprise, district office, department or provider the person acts for.</summary>
    public string? Organisation { get; set; }

    /// <summary>The portal language the person chose (<c>zh-CN</c> or <c>en</c>); null until they switch: the portal speaks Chinese.</summary>
    public string? PreferredCulture { get; set; }
}
