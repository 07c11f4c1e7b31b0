using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Audit.Tests;

/// <summary>
/// Two replicas of the intake service on one real PostgreSQL database append at the same time, explicitly and through
/// inside service transactions and through requests: the chain stays one line, 1..N without gaps or forks, and verifies.
/// </summary>
public sealed class PostgresTests
{
    private const string Prefix = "zgc_audit_";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_appends_from_two_replicas_keep_one_unbroken_chain()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var first = new PostgresApp(database);
            _ = first.Services;
            await using var second = new PostgresApp(database);
            _ = second.Services;

            const int explicitPerReplica = 40;
            const int requestsPerReplica = 5;
            const int withinPerReplica = 10;
            var work = new List<Task>();
            foreach (var (replica, name) in new[] { (first, "a"), (second, "b") })
            {
                for (var i = 0; i < explicitPerReplica; i++)
                {
                    var n = i;
                    work.Add(Task.Run(() => replica.Log.AppendAsync(new AuditRecord { Action = "decision", UserId = $"{name}-{n}" }, Ct), Ct));
                }

                for (var i = 0; i < withinPerReplica; i++)
                {
                    var n = i;
                    work.Add(Task.Run(() => replica.InDb<IntakeDbContext, AuditEntry>(async db =>
                    {
                        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                        var entry = await replica.Log.AppendWithinAsync(db, new AuditRecord { Action = "consumer-decision", UserId = $"{name}-within-{n}" }, Ct);
                        await transaction.CommitAsync(Ct);
                        return entry;
                    }), Ct));
                }

                for (var i = 0; i < requestsPerReplica; i++)
                {
                    var unit = IntakePayloads.WithCheckCharacter($"91110108MA{(name == "a" ? 100 : 200) + i:D7}");
                    work.Add(Task.Run(async () =>
                    {
                        using var applicant = replica.ClientFor(Roles.Applicant, unit: unit, user: unit);
                        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
                    }, Ct));
                }
            }

            await Task.WhenAll(work);

            const int total = 2 * (explicitPerReplica + requestsPerReplica + withinPerReplica);
            var verification = await second.Verify();
            Assert.Equal(new AuditVerification(total, true, null, null, total, verification.LastHash), verification);
            var entries = await first.Entries();
            Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), entries.Select(e => e.Sequence));
            Assert.Equal(2 * requestsPerReplica, entries.Count(e => e.Kind == AuditKinds.Request));
            Assert.Equal(total, entries.Select(e => e.UserId).Distinct().Count());
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    [Fact]
    public async Task Appends_waiting_together_are_committed_together_and_each_caller_gets_its_own_entry()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var app = new PostgresApp(database);
            var log = app.Services.GetRequiredKeyedService<AuditLog>(AuditedIntakeApp.Service);
            var before = log.BatchesWritten;

            // 300 appends at once, as 300 concurrent requests would: they queue behind one writer and share transactions.
            const int count = 300;
            using var start = new ManualResetEventSlim();
            var appends = Enumerable.Range(0, count).Select(n => Task.Run(() =>
            {
                start.Wait(Ct);
                return log.AppendAsync(new AuditRecord { Action = "decision", UserId = $"caller-{n}" }, Ct);
            }, Ct)).ToList();
            start.Set();
            var returned = await Task.WhenAll(appends);

            // Each caller got the entry stored for its own record, the chain is 1..N and verifies.
            var stored = (await app.Entries()).ToDictionary(e => e.Sequence);
            Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), stored.Keys.Order());
            for (var n = 0; n < count; n++)
            {
                Assert.Equal($"caller-{n}", returned[n].UserId);
                Assert.Equal((returned[n].UserId, returned[n].Hash), (stored[returned[n].Sequence].UserId, stored[returned[n].Sequence].Hash));
            }

            var verification = await app.Verify();
            Assert.Equal(((long)count, true), (verification.Entries, verification.Verified));
            var batches = log.BatchesWritten - before;
            Assert.InRange(batches, 2, count / 3);
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    [Fact]
    public async Task On_PostgreSQL_an_altered_entry_is_found_and_search_filters_work()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var app = new PostgresApp(database);
            var target = Guid.NewGuid().ToString();
            for (var i = 1; i <= 3; i++)
            {
                await app.Log.AppendAsync(new AuditRecord
                {
                    Action = "committee-decision",
                    UserId = "committee-" + i,
                    Target = new Dictionary<string, string?> { ["applicationId"] = i == 2 ? target : Guid.NewGuid().ToString() },
                    Detail = "批准",
                }, Ct);
            }

            Assert.True((await app.Verify()).Verified);
            Assert.Equal([2L], (await app.Entries("&target=" + target)).Select(e => e.Sequence));
            Assert.Equal([3L], (await app.Entries("&user=committee-3")).Select(e => e.Sequence));

            await app.Sql("UPDATE audit_entries SET detail = '驳回' WHERE sequence = 2");

            var verification = await app.Verify();
            Assert.Equal((false, 2L), (verification.Verified, verification.FirstBrokenSequence!.Value));
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    private static async Task SkipUnlessPostgres()
    {
        try
        {
            await using var connection = new NpgsqlConnection(RealInfrastructure.Postgres + ";Database=postgres;Timeout=3");
            await connection.OpenAsync(Ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Assert.Skip($"PostgreSQL is not reachable ({e.Message}); deploy/infra/ensure-postgres.sh starts it.");
        }
    }

    private sealed class PostgresApp(string database) : AuditedIntakeApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Intake"] = RealInfrastructure.PostgresDatabase(database),
        };
    }
}
