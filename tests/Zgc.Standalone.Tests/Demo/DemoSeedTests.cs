using Zgc.SharedKernel;
using Zgc.Standalone.Demo;
using Zgc.Testing;

namespace Zgc.Standalone.Tests.Demo;

/// <summary>
/// <c>--seed-demo</c>: the demo programme is built through the services' APIs on the simulated clock, every stage is
/// there when read back through the APIs, the same seed builds the same programme on a fresh host, and a host that already
/// holds data is refused.
/// </summary>
public sealed class DemoSeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A6-SUBPARKS"), Trait("Req", "R-A4-FIELDS")]
    public async Task The_same_seed_builds_the_same_programme_on_two_fresh_hosts_with_every_stage_present()
    {
        var options = new DemoOptions { Seed = 7, Units = 8 };

        DemoCensus first;
        await using (var app = new DemoHost(options.Start))
        {
            first = await Seed(app, options);

            // Seeding again over the data is refused (the host would stop with exit code 2).
            await Assert.ThrowsAsync<DemoRefusedException>(() => Seed(app, options));
        }

        DemoCensus second;
        await using (var app = new DemoHost(options.Start))
        {
            second = await Seed(app, options);
        }

        TestContext.Current.SendDiagnosticMessage(first.Summary());
        Assert.Equal(first.Canonical, second.Canonical);

        // Every stage is read back from the APIs (lifecycle, review case, notice, funding year, rectification), not from the plan.
        var plan = DemoPlan.Create(options.Seed, options.Start, options.Units);
        Assert.Equal(plan.Applications.Count, first.Entries.Count);
        Assert.All(first.StageCounts, c => Assert.True(c.Count >= 1, $"no application is {DemoStages.Label(c.Stage)}"));
        Assert.All(plan.Applications, a => Assert.Equal(a.Stage, first.Entries.Single(e => e.PlatformName == a.PlatformName).Stage));
        Assert.Contains("Confirmed 1", first.Totals["fraud cases"], StringComparison.Ordinal);
        Assert.Contains("Open receivable", first.Totals["clawbacks"], StringComparison.Ordinal);
        Assert.Contains("Approved", first.Totals["disbursement runs"], StringComparison.Ordinal);
        Assert.Contains("Completed", first.Totals["disbursement runs"], StringComparison.Ordinal);
        Assert.Equal((DemoPlan.ExpertsPerField * IndustryField.All.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), first.Totals["experts"]);
    }

    [Fact, Trait("Req", "R-A6-SUBPARKS"), Trait("Req", "R-A4-FIELDS")]
    public void A_plan_covers_every_sub_park_and_field_with_valid_codes_and_another_seed_draws_another_programme()
    {
        var start = new DateOnly(2024, 3, 1);
        var plan = DemoPlan.Create(42, start, 40);
        var again = DemoPlan.Create(42, start, 40);
        var other = DemoPlan.Create(43, start, 40);

        Assert.Equal(40, plan.Units.Count);
        Assert.Equal(40, plan.Applications.Count);
        Assert.Equal(SubPark.All.Select(p => p.Code).Order(), plan.Applications.Select(a => a.SubPark).Distinct().Order());
        Assert.Equal(IndustryField.All.Select(f => f.Code).Order(), plan.Applications.Select(a => a.Field).Distinct().Order());
        Assert.All(Enum.GetValues<DemoStage>(), s => Assert.Contains(plan.Applications, a => a.Stage == s));
        var codes = plan.Units.Select(u => u.Uscc).Concat(plan.Experts.Select(e => e.EmployerUscc))
            .Concat(plan.Applications.SelectMany(a => a.Enterprises.Select(e => e.Uscc))).ToList();
        Assert.All(codes, c => Assert.True(Zgc.Intake.Domain.Uscc.IsValid(c), $"{c} is not a valid USCC"));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(plan.Applications, a => Assert.True(a.TotalInvestmentFen >= 50_000_000_00L, $"{a.PlatformName} invests less than CNY 50 million"));
        // The fraudulent platform's unit holds nothing else: its debarment stops no other application.
        var revoked = plan.Applications.Single(a => a.Stage == DemoStage.Revoked);
        Assert.Single(plan.Applications, a => a.Unit == revoked.Unit);

        Assert.Equal(Describe(plan), Describe(again));
        Assert.NotEqual(Describe(plan), Describe(other));
        Assert.Empty(plan.Units.Select(u => u.Uscc).Intersect(other.Units.Select(u => u.Uscc)));
    }

    private static string Describe(DemoPlan plan) =>
        string.Join('\n', plan.Units.Select(u => $"{u.Uscc} {u.Name}").Concat(plan.Applications.Select(a =>
            $"{a.PlatformName} {a.Stage} {a.SubPark} {a.Field}/{a.SubArea} {a.TotalInvestmentFen} {a.SupportBaseFen} {a.Unit.Uscc}")));

    private static Task<DemoCensus> Seed(DemoHost app, DemoOptions options) =>
        DemoRunner.Seed(options, () => app.CreateClient(), app.Services, line => TestContext.Current.SendDiagnosticMessage(line), Ct);

    /// <summary>The standalone host with the simulated clock on (as <c>--seed-demo</c> turns it on), at real-time pace.</summary>
    private sealed class DemoHost(DateOnly start) : ServiceAppFactory<Program>
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Simulation:Enabled"] = "true",
            ["Simulation:Start"] = BeijingTime.StartOfDay(start).AddHours(9).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["Simulation:Speed"] = "1",
        };
    }
}
