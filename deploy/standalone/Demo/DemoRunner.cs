using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Standalone.Demo;

/// <summary>
/// Runs the seeder once the host listens (<c>--seed-demo</c>): over loopback HTTP to the host's own address, with tokens
/// from its own <see cref="TokenIssuer"/>. A refusal (data already present) or a failure stops the host with exit code 2 or 1.
/// </summary>
internal static class DemoRunner
{
    public static void SeedWhenStarted(WebApplication app)
    {
        var options = app.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (!options.Enabled)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Zgc.Standalone.Demo");
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                var address = Loopback(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault());
                await Seed(options, () => new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) }, app.Services,
                    line => logger.LogInformation("{Line}", line), app.Lifetime.ApplicationStopping);
                if (options.ExitWhenDone)
                {
                    app.Lifetime.StopApplication();
                }
            }
            catch (DemoRefusedException refused)
            {
                logger.LogError("[demo] Refused: {Reason}", refused.Message);
                Environment.ExitCode = 2;
                app.Lifetime.StopApplication();
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "[demo] Seeding failed; the data folder holds a partial programme. Delete it before seeding again.");
                Environment.ExitCode = 1;
                app.Lifetime.StopApplication();
            }
        }));
    }

    /// <summary>
    /// Seeds the plan of <paramref name="options"/> through clients from <paramref name="newClient"/> (the host's base
    /// address), then sets the clock to the speed asked for afterwards. Returns the census.
    /// </summary>
    public static async Task<DemoCensus> Seed(DemoOptions options, Func<HttpClient> newClient, IServiceProvider services, Action<string> log,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var api = new DemoApi(newClient, services.GetRequiredService<TokenIssuer>(), options.StepTimeout, cancellationToken);
        var start = BeijingTime.DateOf(await api.Now());
        var plan = DemoPlan.Create(options.Seed, start, options.Units);
        var census = await new DemoSeeder(plan, api, log).Run();
        log(census.Summary());
        log($"[demo] the programme's date is {BeijingTime.DateOf(await api.Now()):yyyy-MM-dd}; to carry on from there after a restart, start with " +
            $"--simulate 1s --simulate-start {BeijingTime.DateOf(await api.Now()).AddDays(1):yyyy-MM-dd} (without --seed-demo)");
        if (options.SpeedAfter is { } speed)
        {
            await api.SetSpeed(speed);
            log($"[demo] the clock runs on at {speed:0.###}× real time");
        }

        return census;
    }

    /// <summary>The host's own address for requests from inside it: a wildcard host (+, *, 0.0.0.0, [::]) becomes 127.0.0.1.</summary>
    internal static Uri Loopback(string? address)
    {
        var text = address ?? "http://127.0.0.1:5080";
        foreach (var wildcard in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
        {
            text = text.Replace(wildcard, "://127.0.0.1:", StringComparison.Ordinal);
        }

        return new Uri(text.TrimEnd('/') + "/");
    }
}
