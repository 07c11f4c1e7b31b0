using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Audit.Tests;

/// <summary>In the standalone host all six services keep their own chain, each in its own database, side by side.</summary>
public sealed class StandaloneTests : IAsyncLifetime
{
    private static readonly string[] AuditedServices = ["intake", "review", "notice", "funding", "monitoring", "workflows"];

    private readonly ServiceAppFactory<Zgc.Standalone.Program> _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Each_service_records_its_own_requests_in_its_own_chain()
    {
        using var applicant = _app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
        await _app.Services.GetRequiredKeyedService<IAuditLog>("review").AppendAsync(new AuditRecord { Action = "committee-decision" }, Ct);

        using var admin = _app.ClientFor(Roles.Admin);
        var counts = new Dictionary<string, long>();
        foreach (var service in AuditedServices)
        {
            var verification = await admin.GetFromJsonAsync<AuditVerification>($"/{service}/audit/verify", Ct);
            Assert.True(verification!.Verified, service);
            counts[service] = verification.Entries;
        }

        Assert.Equal(1, counts["intake"]);
        Assert.Equal(1, counts["review"]);
        Assert.All(AuditedServices.Skip(2), s => Assert.Equal(0, counts[s]));
        var entry = Assert.Single((await admin.GetFromJsonAsync<List<AuditEntryView>>("/intake/audit", Ct))!);
        Assert.Equal("RegisterUnit", entry.EndpointName);
        Assert.True(File.Exists(Path.Combine(_app.DataDirectory, "review.db")));
    }
}
