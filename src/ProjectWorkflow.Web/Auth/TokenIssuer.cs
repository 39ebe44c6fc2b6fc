using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Web.Auth;

public sealed record AccessToken(string Token, int ExpiresInSeconds);

/// <summary>Issues the short-lived JWTs of <c>POST /api/auth/token</c>, roles included as claims.</summary>
public sealed class TokenIssuer(IOptions<AuthSettings> settings, SigningKeyStore keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(PortalUser user, IEnumerable<string> roles)
    {
        var s = settings.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(s.TokenLifetimeMinutes);

        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(s.NameClaimType, user.UserName ?? user.Id),
            new(SessionCheck.StampClaim, SessionCheck.StampOf(user)),
        };
        claims.AddRange(roles.Select(role => new Claim(s.RoleClaimType, role)));

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = s.Issuer,
            Audience = s.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}
