using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Zgc.ServiceDefaults;

/// <summary>Issues the JWTs of the built-in sign-in (standalone host, console, tests). Production uses an OIDC authority.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    public string Issue(string userId, string displayName, IEnumerable<string> roles, IReadOnlyDictionary<string, string>? extraClaims = null)
    {
        var o = options.Value;
        var claims = new List<Claim> { new(ZgcClaims.Subject, userId), new(ZgcClaims.Name, displayName) };
        claims.AddRange(roles.Select(r => new Claim(ZgcClaims.Role, r)));
        if (extraClaims is not null)
        {
            claims.AddRange(extraClaims.Select(kv => new Claim(kv.Key, kv.Value)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = o.Issuer,
            Audience = o.Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + o.TokenLifetime,
            SigningCredentials = new SigningCredentials(SigningKey(o), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));
}
