using System.Security.Claims;

namespace Zgc.ServiceDefaults;

/// <summary>Claim names carried in our tokens, and helpers to read them.</summary>
public static class ZgcClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>An applicant's unit (its USCC); scopes what the applicant may see.</summary>
    public const string Unit = "unit";

    /// <summary>A sub-park officer's sub-park code (R-A6-SUBPARKS).</summary>
    public const string SubPark = "subpark";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "anonymous";

    public static string? UnitCode(this ClaimsPrincipal user) => user.FindFirstValue(Unit);

    public static string? SubParkCode(this ClaimsPrincipal user) => user.FindFirstValue(SubPark);
}
