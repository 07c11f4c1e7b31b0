using Zgc.Console;
using Zgc.Funding;
using Zgc.Intake;
using Zgc.Monitoring;
using Zgc.Notice;
using Zgc.Review;
using Zgc.ServiceDefaults;
using Zgc.Workflows;

namespace Zgc.Standalone;

/// <summary>
/// The embedded default: all six services and the console in one process, on the in-memory bus with one
/// SQLite file per service. The same Add/Map pairs as the separate service hosts.
/// </summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--hash-password", ..])
        {
            // Read from standard input, not the command line, so the password stays out of shell history and ps.
            System.Console.Error.WriteLine("Password (read from standard input):");
            var password = System.Console.ReadLine() ?? "";
            System.Console.WriteLine(Zgc.Console.Auth.ConsoleUsers.HashPassword(password));
            return;
        }

        var builder = WebApplication.CreateBuilder(Demo.DemoSwitch.Expand(SimulateSwitch.Expand(args)));
        builder.AddServiceDefaults();
        builder.AddIntake();
        builder.AddReview();
        builder.AddNotice();
        builder.AddFunding();
        builder.AddMonitoring();
        builder.AddWorkflows();
        builder.AddConsole();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapIntake();
        app.MapReview();
        app.MapNotice();
        app.MapFunding();
        app.MapMonitoring();
        app.MapWorkflows();
        app.MapConsole();
        StartupBanner.PrintWhenStarted(app);
        Demo.DemoRunner.SeedWhenStarted(app);
        app.Run();
    }
}
