using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace ProjectWorkflow.Web.Auth;

public static class AuthSchemes
{
    /// <summary>Picks <see cref="Bearer"/> when the request has an Authorization header, else <see cref="Cookie"/>.</summary>
    public const string BearerOrCookie = "BearerOrCookie";

    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>Identity's own cookie scheme, so SignInManager signs into it without extra wiring.</summary>
    public static readonly string Cookie = IdentityConstants.ApplicationScheme;
}
