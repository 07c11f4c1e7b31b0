using System.Security.Claims;
using Zgc.Intake.Domain;
using Zgc.ServiceDefaults;

namespace Zgc.Intake.Features.Applications;

/// <summary>
/// Who may see an application: its own unit's applicants, the officers of its sub-park once it has been submitted,
/// and committee-level staff likewise. Everyone else is told it does not exist (404), so ids cannot be probed.
/// </summary>
internal static class ApplicationAccess
{
    public static bool IsCommitteeLevel(ClaimsPrincipal user) =>
        user.IsInRole(Roles.CommitteeOfficer) || user.IsInRole(Roles.MonitoringOfficer) || user.IsInRole(Roles.Admin);

    public static bool IsOwnUnit(ClaimsPrincipal user, Application application) =>
        user.IsInRole(Roles.Applicant) && user.UnitCode() is { } unit && unit == application.UnitUscc;

    public static bool CanSee(ClaimsPrincipal user, Application application)
    {
        if (IsOwnUnit(user, application))
        {
            return true;
        }

        // A draft is the applicant's own until first submitted.
        if (application.CurrentVersion == 0)
        {
            return false;
        }

        return IsCommitteeLevel(user)
            || (user.IsInRole(Roles.SubParkOfficer) && application.SubPark is not null && user.SubParkCode() == application.SubPark.Code);
    }

    public static IQueryable<Application> Visible(this IQueryable<Application> query, ClaimsPrincipal user)
    {
        var unit = user.IsInRole(Roles.Applicant) ? user.UnitCode() : null;
        if (IsCommitteeLevel(user))
        {
            return query.Where(a => a.CurrentVersion > 0 || (unit != null && a.UnitUscc == unit));
        }

        var subPark = user.IsInRole(Roles.SubParkOfficer) && Zgc.SharedKernel.SubPark.TryParse(user.SubParkCode(), out var parsed) ? parsed : null;
        return query.Where(a => (subPark != null && a.SubPark == subPark && a.CurrentVersion > 0) || (unit != null && a.UnitUscc == unit));
    }
}
