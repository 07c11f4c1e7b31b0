using System.Security.Claims;
using Microsoft.Extensions.Options;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Auth;

/// <summary>
/// The console's browser sign-in: a cookie scheme beside (never instead of) the default JWT bearer scheme of the APIs.
/// The cookie carries the user's access token, which the console forwards to the services.
/// </summary>
public static class ConsoleAuth
{
    /// <summary>The cookie authentication scheme of the console's pages.</summary>
    public const string Scheme = "console-cookie";

    /// <summary>The authorization policy of the console's pages: signed in through <see cref="Scheme"/>.</summary>
    public const string Policy = "console";

    /// <summary>The claim of the cookie principal that holds the user's JWT for the services' APIs.</summary>
    public const string AccessTokenClaim = "access_token";

    public const string CookieName = "zgc-console";

    public const string LoginPath = "/login";

    public const string LogoutPath = "/logout";

    public const string AccessDeniedPath = "/access-denied";

    /// <summary>The query parameter naming where to go after signing in.</summary>
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>Roles that watch the lifecycle instances; the same as the workflows API requires (S-OPS).</summary>
    public const string OperatorRoles = Roles.CommitteeOfficer + "," + Roles.MonitoringOfficer + "," + Roles.Admin;

    public static string? AccessToken(this ClaimsPrincipal user) => user.FindFirstValue(AccessTokenClaim);

    /// <summary>
    /// Whether <paramref name="url"/> is a path of this site (so a sign-in cannot be used to send the user elsewhere):
    /// it starts with one slash, and neither <c>//</c> nor <c>/\</c>, and holds no control characters.
    /// </summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}

/// <summary>Issues a user's token and builds the cookie principal that carries it.</summary>
public sealed class ConsoleSignIn(TokenIssuer issuer, IOptions<AuthOptions> auth)
{
    public TimeSpan TokenLifetime => auth.Value.TokenLifetime;

    /// <summary>A JWT for <paramref name="user"/>: sub, name, role(s), and unit/subpark where the user has them.</summary>
    public string IssueToken(ConsoleUser user)
    {
        var extra = new Dictionary<string, string>();
        if (user.Unit is not null)
        {
            extra[ZgcClaims.Unit] = user.Unit;
        }

        if (user.SubPark is not null)
        {
            extra[ZgcClaims.SubPark] = user.SubPark;
        }

        return issuer.Issue(user.UserName, user.DisplayName, user.Roles, extra);
    }

    /// <summary>The cookie principal: the token's claims (so pages can check roles) and the token itself.</summary>
    public ClaimsPrincipal Principal(ConsoleUser user, string accessToken)
    {
        var claims = new List<Claim>
        {
            new(ZgcClaims.Subject, user.UserName),
            new(ZgcClaims.Name, user.DisplayName),
            new(ConsoleAuth.AccessTokenClaim, accessToken),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ZgcClaims.Role, r)));
        if (user.Unit is not null)
        {
            claims.Add(new Claim(ZgcClaims.Unit, user.Unit));
        }

        if (user.SubPark is not null)
        {
            claims.Add(new Claim(ZgcClaims.SubPark, user.SubPark));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleAuth.Scheme, ZgcClaims.Name, ZgcClaims.Role));
    }
}
