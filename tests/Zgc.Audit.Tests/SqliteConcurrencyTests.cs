using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Zgc.Audit.Persistence;
using Zgc.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Audit.Tests;

/// <summary>
/// On SQLite, a second writer on the same file (as a second process would be: its own log object, its own connections)
/// appends while the service does: <c>BEGIN IMMEDIATE</c> makes them take turns, and the chain stays one line.
/// </summary>
public sealed class SqliteConcurrencyTests : IAsyncLifetime
{
    private readonly AuditedIntakeApp _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Two_writers_on_one_file_keep_one_unbroken_chain()
    {
        var services = _app.Services;
        var file = Path.Combine(_app.DataDirectory, "intake.db");
        using var other = new AuditLog("intake", new AuditStore(DatabaseProvider.Sqlite, $"Data Source={file}", services),
            TimeProvider.System, services.GetRequiredService<AuditMetrics>(), NullLogger<AuditLog>.Instance);

        var work = new List<Task>();
        for (var i = 0; i < 25; i++)
        {
            var n = i;
            work.Add(Task.Run(() => _app.Log.AppendAsync(new AuditRecord { Action = "decision", UserId = $"service-{n}" }, Ct), Ct));
            work.Add(Task.Run(() => other.AppendAsync(new AuditRecord { Action = "decision", UserId = $"other-{n}" }, Ct), Ct));
        }

        for (var i = 0; i < 5; i++)
        {
            var unit = IntakePayloads.WithCheckCharacter($"91110108MA{300 + i:D7}");
            work.Add(Task.Run(async () =>
            {
                using var applicant = _app.ClientFor(Roles.Applicant, unit: unit, user: unit);
                (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
            }, Ct));
        }

        await Task.WhenAll(work);

        var verification = await _app.Verify();
        Assert.Equal((55L, true), (verification.Entries, verification.Verified));
        Assert.Equal(Enumerable.Range(1, 55).Select(i => (long)i), (await _app.Entries()).Select(e => e.Sequence));
    }
}
