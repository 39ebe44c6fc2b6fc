using Microsoft.AspNetCore.Identity;

namespace ProjectWorkflow.Application.Identity;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The enterprise, district office, department or provider the person acts for.</summary>
    public string? Organisation { get; set; }
}
