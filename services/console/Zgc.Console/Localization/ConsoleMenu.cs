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

/// <summary>The console's pages by role: the menu shows a user only what the role can use.</summary>
public static class ConsoleMenu
{
    public static IReadOnlyList<MenuItem> Items { get; } =
    [
        new("", "nav.home", "nav-home", null),
        new("workflows", "nav.workflows", "nav-workflows", ConsoleAuth.OperatorRoles.Split(',')),
        new("forecast", "nav.forecast", "nav-forecast", [Roles.FinancePreparer, Roles.FinanceApprover, Roles.Admin]),
        new("users", "nav.users", "nav-users", [Roles.Admin]),
    ];

    public static IEnumerable<MenuItem> For(ClaimsPrincipal user) => Items.Where(i => i.IsFor(user));
}
