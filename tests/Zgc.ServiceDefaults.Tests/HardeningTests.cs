using System.Net;
using Microsoft.AspNetCore.Hosting;
using Zgc.Testing;

namespace Zgc.ServiceDefaults.Tests;

/// <summary>A service host in Production, with the settings a real deployment gives it.</summary>
public sealed class ProductionIntakeApp(string? signingKey) : ServiceAppFactory<Zgc.Intake.Program>
{
    protected override IReadOnlyDictionary<string, string?> Settings => signingKey is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Issue 11, hardening: no secret from the repository in Production, and the headers every response carries.</summary>
public sealed class HardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Production_refuses_the_public_development_signing_key()
    {
        await using var app = new ProductionIntakeApp(signingKey: null);
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Auth:SigningKey is the public development key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_with_its_own_signing_key_and_answers_with_the_security_headers()
    {
        await using var app = new ProductionIntakeApp(signingKey: "a-production-key-from-the-environment-0123456789");
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));

        using var refused = await client.GetAsync("/intake/applications", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.Contains("X-Content-Type-Options"), "refusals carry the headers too");
    }
}
