using Zgc.ServiceDefaults;

namespace Zgc.Console;

/// <summary>The console on its own (distributed mode). The standalone host calls the same Add/Map pair.</summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddConsole();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapConsole();
        app.Run();
    }
}
