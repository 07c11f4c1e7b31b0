using Zgc.ServiceDefaults;

namespace Zgc.Intake;

/// <summary>The intake service on its own (distributed mode). The standalone host calls the same Add/Map pair.</summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddIntake();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapIntake();
        app.Run();
    }
}
