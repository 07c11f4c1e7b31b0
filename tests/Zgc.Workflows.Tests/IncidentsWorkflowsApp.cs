using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Zgc.Workflows.Tests;

/// <summary>
/// The workflows service whose incidents view reaches services through this in-process server (only workflows answers
/// here; the others are "unreachable"), and which counts every active instance as stalled.
/// </summary>
public sealed class IncidentsWorkflowsApp : WorkflowsAppBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Workflows:StalledAfter"] = "00:00:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient("Incidents").ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler()));
    }
}
