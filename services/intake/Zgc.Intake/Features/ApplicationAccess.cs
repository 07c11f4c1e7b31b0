using System.Security.Claims;
using Zgc.Intake.Domain;
using Zgc.ServiceDefaults;

namespace Zgc.Intake.Features;

/// <summary>
/// Who may see an application: its own unit's applicants, the officers of its sub-park, and committee-level
/// staff. Everyone else is told it does not exist (404), so ids cannot be probed.
/// </summary>
internal static class ApplicationAccess
{
    public static bool CanSee(ClaimsPrincipal user, Application application)
    {
        if (user.IsInRole(Roles.CommitteeOfficer) || user.IsInRole(Roles.MonitoringOfficer) || user.IsInRole(Roles.Admin))
        {
            return true;
        }

        if (user.IsInRole(Roles.SubParkOfficer) && user.SubParkCode() == application.SubPark.Code)
        {
            return true;
        }

        return user.IsInRole(Roles.Applicant) && user.UnitCode() == application.UnitUscc;
    }

    public static IQueryable<Application> Visible(this IQueryable<Application> query, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.CommitteeOfficer) || user.IsInRole(Roles.MonitoringOfficer) || user.IsInRole(Roles.Admin))
        {
            return query;
        }

        var subPark = user.IsInRole(Roles.SubParkOfficer) ? user.SubParkCode() : null;
        var unit = user.IsInRole(Roles.Applicant) ? user.UnitCode() : null;
        var subParkValue = subPark is null ? null : Zgc.SharedKernel.SubPark.TryParse(subPark, out var parsed) ? parsed : null;
        return query.Where(a => (subParkValue != null && a.SubPark == subParkValue) || (unit != null && a.UnitUscc == unit));
    }
}
