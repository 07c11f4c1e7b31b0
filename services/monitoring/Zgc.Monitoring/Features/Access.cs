using System.Security.Claims;
using Zgc.Monitoring.Domain;
using Zgc.ServiceDefaults;

namespace Zgc.Monitoring.Features;

/// <summary>Who may see what: operators see every platform, an applicant only those of its own unit (its USCC).</summary>
internal static class Access
{
    public static bool IsOperator(ClaimsPrincipal user) => Roles.Operators.Any(user.IsInRole);

    public static bool MaySee(ClaimsPrincipal user, MonitoredPlatform platform) => IsOperator(user) || platform.BelongsTo(user.UnitCode());

    public static bool MaySee(ClaimsPrincipal user, string unitUscc) =>
        IsOperator(user) || string.Equals(user.UnitCode(), unitUscc, StringComparison.OrdinalIgnoreCase);

    /// <summary>404 both for an unknown record and for one of another unit, so that ids of others reveal nothing.</summary>
    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {what} with this id.", detail: $"No {what} with this id is visible to you.");
}
