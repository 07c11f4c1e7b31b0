using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Testing;

namespace Zgc.Console.Tests;

/// <summary>The console with a sign-in budget small enough to spend in a test.</summary>
public sealed class TightSignInApp : ServiceAppFactory<Program>
{
    public const int PerMinute = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:SignInPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Issue 11, hardening: password guessing at <c>/auth/token</c> is slowed per client address.</summary>
public sealed class SignInRateLimitTests(TightSignInApp app) : IClassFixture<TightSignInApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_ins_beyond_the_budget_get_429_with_retry_after_and_problem_details()
    {
        using var client = app.CreateClient();
        for (var attempt = 0; attempt < TightSignInApp.PerMinute; attempt++)
        {
            using var allowed = await client.PostAsJsonAsync("/auth/token", new { userName = "applicant", password = "a-wrong-guess" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        // Even the right password waits: the budget counts attempts, not failures, so guessing cannot probe around it.
        using var refused = await client.PostAsJsonAsync("/auth/token", new { userName = "applicant", password = ConsoleApp.DevPassword }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to try again");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("rate-limit", problem.RootElement.GetProperty("rule").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detailZh").GetString()));
    }
}
