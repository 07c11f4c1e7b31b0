using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Zgc.Testing;

namespace Zgc.ServiceDefaults.Tests;

/// <summary>A service host on the simulated clock (Simulation:Enabled), as the distributed end-to-end runs use it.</summary>
public sealed class SimulatedIntakeApp : ServiceAppFactory<Zgc.Intake.Program>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulation:Enabled"] = "true",
        ["Simulation:Start"] = "2027-03-01T09:00:00+08:00",
    };
}

public sealed class SimulationEndpointTests(SimulatedIntakeApp app) : IClassFixture<SimulatedIntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_reads_the_simulated_clock_and_an_admin_moves_it_forward()
    {
        using var anonymous = app.ClientFor(null);
        var before = await anonymous.GetFromJsonAsync<JsonElement>("/simulation/clock", Ct);
        var startDate = DateOnly.Parse(before.GetProperty("beijingDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // Started on 2027-03-01 (Beijing); other tests of this class may have moved it on already.
        Assert.True(startDate >= new DateOnly(2027, 3, 1), $"the simulated start, not today: {startDate}");

        using var admin = app.ClientFor(Roles.Admin);
        var moved = await admin.PostAsJsonAsync("/simulation/clock", new { advanceDays = 10 }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await moved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(startDate.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), after.GetProperty("beijingDate").GetString());

        // The services read the same clock: the token endpoint is untouched, but their TimeProvider is the simulated one.
        var clock = (TimeProvider)app.Services.GetService(typeof(TimeProvider))!;
        Assert.Equal(startDate.AddDays(10), Zgc.SharedKernel.BeijingTime.Today(clock));
    }

    [Fact]
    public async Task Only_an_admin_moves_the_clock_and_never_backwards()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/simulation/clock", new { advanceDays = 1 }, Ct)).StatusCode);

        using var admin = app.ClientFor(Roles.Admin);
        var back = await admin.PostAsJsonAsync("/simulation/clock", new { advanceDays = -1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        var problem = await back.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("advanceDays", out _));

        var past = await admin.PostAsJsonAsync("/simulation/clock", new { to = "2020-01-01T00:00:00+08:00" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
    }

    [Fact]
    public async Task Tokens_stay_valid_after_a_simulated_year()
    {
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/simulation/clock", new { advanceDays = 400 }, Ct)).StatusCode);
        using var later = app.ClientFor(Roles.CommitteeOfficer);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await later.GetAsync("/intake/applications", Ct)).StatusCode);
    }
}

/// <summary>The simulated clock is refused outright in Production.</summary>
public sealed class SimulationInProductionTests
{
    private sealed class ProductionSimulatedApp : ServiceAppFactory<Zgc.Intake.Program>
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Simulation:Enabled"] = "true" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task A_production_host_with_a_simulated_clock_does_not_start()
    {
        await using var app = new ProductionSimulatedApp();
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Simulation:Enabled is refused in the Production environment", error.ToString(), StringComparison.Ordinal);
    }
}
