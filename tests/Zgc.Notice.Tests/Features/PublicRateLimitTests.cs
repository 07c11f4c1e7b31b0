using System.Net;
using Zgc.Testing;

namespace Zgc.Notice.Tests.Features;

/// <summary>The notice service with a public budget small enough to spend in a test.</summary>
public sealed class TightPublicApp : ServiceAppFactory<Program>
{
    public const int PerMinute = 4;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:PublicPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Issue 11, hardening: the anonymous pages, feed and APIs share one budget per client address.</summary>
public sealed class PublicRateLimitTests(TightPublicApp app) : IClassFixture<TightPublicApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Public_requests_beyond_the_budget_get_429_and_signed_in_officers_are_not_counted()
    {
        using var anonymous = app.ClientFor(role: null);
        string[] publicPaths = ["/notice/public/notices", "/notice/notices", "/notice/public/notices.atom", "/notice/calendar/years"];
        foreach (var path in publicPaths)
        {
            using var allowed = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await anonymous.GetAsync("/notice/public/notices", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        // The officers' own endpoints are behind sign-in and have no public budget.
        using var officer = app.ClientFor(Zgc.ServiceDefaults.Roles.CommitteeOfficer);
        using var managed = await officer.GetAsync("/notice/manage/notices", Ct);
        Assert.Equal(HttpStatusCode.OK, managed.StatusCode);
    }
}
