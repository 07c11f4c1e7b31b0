using System.Security.Claims;
using Zgc.Console.Auth;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Localization;

/// <summary>One entry of the side menu: where it goes, its text key, and who may use it (null: everyone signed in).</summary>
public sealed record MenuItem(string Href, string TextKey, string TestId, IReadOnlyList<string>? Roles)
{
    public bool IsFor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (Roles is null || Roles.Any(user.IsInRole));
}

/// <summary>The console's pages by role: the menu shows a user only what the role can use; each role's inbox comes first.</summary>
public static class ConsoleMenu
{
    private static readonly string[] Operators = ConsoleAuth.OperatorRoles.Split(',');

    public static IReadOnlyList<MenuItem> Items { get; } =
    [
        new("", "nav.home", "nav-home", null),
        new("notifications", "nav.notifications", "nav-notifications", null),
        new("applicant", "nav.applicant", "nav-applicant", [Roles.Applicant]),
        new("subpark", "nav.subpark", "nav-subpark", [Roles.SubParkOfficer]),
        new("committee", "nav.committee", "nav-committee", [Roles.CommitteeOfficer, Roles.Admin]),
        new("committee/experts", "nav.experts", "nav-experts", [Roles.CommitteeOfficer, Roles.Admin]),
        new("committee/meetings", "nav.meetings", "nav-meetings", [Roles.CommitteeOfficer, Roles.Admin]),
        new("committee/notices", "nav.notices", "nav-notices", [Roles.CommitteeOfficer, Roles.Admin]),
        new("committee/agreements", "nav.agreements", "nav-agreements", [Roles.CommitteeOfficer, Roles.Admin]),
        new("expert", "nav.expert", "nav-expert", [Roles.Expert]),
        new("finance", "nav.finance", "nav-finance", [Roles.FinancePreparer, Roles.FinanceApprover, Roles.Admin]),
        new("monitoring", "nav.monitoring", "nav-monitoring", [Roles.MonitoringOfficer, Roles.Admin]),
        new("dashboard", "nav.dashboard", "nav-dashboard", Operators),
        new("workflows", "nav.workflows", "nav-workflows", Operators),
        new("forecast", "nav.forecast", "nav-forecast", [Roles.FinancePreparer, Roles.FinanceApprover, Roles.Admin]),
        new("admin", "nav.admin", "nav-admin", [Roles.Admin]),
        new("users", "nav.users", "nav-users", [Roles.Admin]),
    ];

    public static IEnumerable<MenuItem> For(ClaimsPrincipal user) => Items.Where(i => i.IsFor(user));
}
