using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Zgc.Console;
using Zgc.Console.Auth;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Security.Tests;

/// <summary>Who calls: nobody signed in, or a user holding exactly one of <see cref="Roles.All"/>.</summary>
public sealed record Principal(string Name, string? Role)
{
    public const string AnonymousName = "anonymous";

    /// <summary>The columns of the matrix, in order: anonymous, then every role.</summary>
    public static IReadOnlyList<Principal> All { get; } = [new(AnonymousName, null), .. Roles.All.Select(r => new Principal(r, r))];

    public override string ToString() => Name;
}

/// <summary>Clients for a <see cref="Principal"/>: a bearer token for the APIs and the console cookie for the console's pages.</summary>
public static partial class PrincipalClients
{
    /// <summary>
    /// A browser-like client for <paramref name="principal"/>. A role's client carries a token (an applicant's with its
    /// unit, a sub-park officer's with Haidian) and is signed in to the console as the seeded user of that role, because
    /// the console's own endpoints read only their cookie.
    /// </summary>
    public static async Task<HttpClient> Create(SecurityApp app, Principal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(principal);
        var client = app.Browser();
        if (principal.Role is not { } role)
        {
            return client;
        }

        var token = app.IssueToken(role,
            unit: role == Roles.Applicant ? IntakePayloads.DefaultUnit : null,
            subPark: role == Roles.SubParkOfficer ? "haidian" : null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var seeded = ConsoleUsers.Seeded.First(u => u.Roles.Contains(role));
        var form = await client.GetStringAsync("/login", cancellationToken);
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "The console's sign-in form carries an antiforgery token.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery.Groups[1].Value,
            ["userName"] = seeded.UserName,
            ["password"] = ConsoleOptions.DefaultDevPassword,
            ["returnUrl"] = "/",
        });
        var signedIn = await client.PostAsync("/auth/login", body, cancellationToken);
        Assert.True(signedIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal)),
            $"The seeded console user {seeded.UserName} signs in.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
