using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Zgc.Persistence;

namespace Zgc.Standalone;

/// <summary>Tells a newcomer where everything is once the host listens.</summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
            var database = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var dataFolder = Path.GetFullPath(database.DataDirectory, app.Environment.ContentRootPath);
            var simulation = app.Services.GetService<Zgc.ServiceDefaults.Simulation.SimulationClock>() is { } clock
                ? $"\n  SIMULATED CLOCK:     {Zgc.SharedKernel.BeijingTime.ToBeijing(clock.GetUtcNow()):yyyy-MM-dd HH:mm} Beijing, {clock.Speed:0.###}× real time (POST {url}/simulation/clock to move it)"
                : "";
            var demo = app.Configuration.GetSection(Demo.DemoOptions.Section).Get<Demo.DemoOptions>() is { Enabled: true } options
                ? $"\n  DEMO DATA:           seeding from seed {options.Seed} ({options.Units} units) through the APIs now; progress lines start with [demo]"
                : "";
            System.Console.WriteLine($$"""

                ZGC innovation platform — standalone ({{app.Environment.EnvironmentName}})
                  Console (sign in):   {{url}}/
                  Get a token:         curl -s -X POST {{url}}/auth/token -H 'Content-Type: application/json' -d '{"userName":"applicant","password":"zgc-dev-password"}'
                  OpenAPI:             {{url}}/openapi/v1.json
                  Health:              {{url}}/health/ready
                  Services:            {{url}}/intake  /review  /notice  /funding  /monitoring  /workflows
                  Data ({{database.Provider}}):      {{dataFolder}}{{simulation}}{{demo}}
                  Users: applicant, subpark-haidian, committee, expert, expert-2…expert-5, finance-preparer, finance-approver, monitoring, admin
                         (development password from Console:DevPassword; see README)

                """);
        });
}
