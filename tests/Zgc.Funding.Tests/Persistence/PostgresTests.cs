using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Zgc.Funding.Persistence;
using Zgc.Funding.Tests.Features;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Funding.Tests.Persistence;

/// <summary>The funding service on the real PostgreSQL (migrations applied on start), for what SQLite cannot show.</summary>
public sealed class PostgresTests
{
    private const string Prefix = "zgc_funding_";

    [Fact, Trait("Req", "S-OPS")]
    public async Task On_PostgreSQL_concurrent_payments_of_one_line_pay_it_exactly_once()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var app = new PostgresFundingApp(database);
            await DisbursementRunEndpointsTests.PayConcurrently(app);
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    /// <summary>
    /// A run saves hundreds of rows in one transaction: a gathering batch (100 run lines, whose insert is the widest SQL the
    /// services send, and their platform-years) and a chunk of payments (the lines, platform-years, agreements, ledger
    /// entries and outbox messages). Each command EF sends must stay below the large-object heap's threshold — its SQL
    /// text and its parameter table — or every chunk leaves garbage that only a full collection frees, and the service
    /// goes over its memory target in a programme-sized run (docs/performance.md, fixes 57 and 59).
    /// </summary>
    [Fact, Trait("Req", "S-OPS")]
    public async Task On_PostgreSQL_a_run_of_many_platforms_is_decided_and_paid_in_commands_that_stay_off_the_large_object_heap()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var commands = new SentCommands();
            await using var app = new PostgresFundingApp(database, commands);
            var (run, _) = await DisbursementRunBatchTests.SubmittedRun(app, 100);
            var ids = run.Lines.Select(l => l.Id).ToList();
            using var approver = app.ClientFor(Roles.FinanceApprover);
            using var preparer = app.ClientFor(Roles.FinancePreparer);

            var decided = await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/decisions",
                new { decisions = ids.Select(id => new { lineId = id, approve = true }) }, Ct);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            var paid = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/payments",
                new { payments = ids.Select((id, i) => new { lineId = id, paidOn = FundingApp.Today(), bankReference = $"BOC-{i}" }) }, Ct);
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

            Assert.Equal(100, await app.InDb<FundingDbContext, int>(db => db.Payments.CountAsync(p => p.RunId == run.Id, Ct)));
            // The saves of the run went in commands of many statements (so the test saw large saves), and none was large.
            var sent = commands.All;
            Assert.True(sent.Max(c => c.Statements) > 20, $"the largest command held {sent.Max(c => c.Statements)} statements");
            var longest = sent.Max(c => c.Sql.Length);
            Assert.True(longest < LargeObjectChars, $"a command's SQL was {longest:N0} characters, {2 * longest:N0} bytes as a string: on the large-object heap");
            var most = sent.Max(c => c.Parameters);
            Assert.True(most < LargeObjectParameters, $"a command had {most:N0} parameters; its parameter table can reach the large-object heap");
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    /// <summary>
    /// An object of 85,000 bytes or more goes on the large-object heap; a string takes two bytes a character (and a header
    /// of ~22 bytes).
    /// </summary>
    private const int LargeObjectChars = (85_000 - 22) / 2;

    /// <summary>
    /// EF keeps a command's parameters in a <c>Dictionary&lt;string, object&gt;</c> whose entries take 24 bytes, and a
    /// dictionary grown by doubling can hold up to twice its count: past ~1,770 parameters its entry array can reach the
    /// large-object heap.
    /// </summary>
    private const int LargeObjectParameters = 85_000 / 24 / 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SkipUnlessPostgres()
    {
        try
        {
            await using var connection = new NpgsqlConnection(RealInfrastructure.Postgres + ";Database=postgres;Timeout=3");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Assert.Skip($"PostgreSQL is not reachable ({e.Message}); deploy/infra/ensure-postgres.sh starts it.");
        }
    }

    private sealed class PostgresFundingApp(string database, IInterceptor? interceptor = null) : FundingApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Funding"] = RealInfrastructure.PostgresDatabase(database),
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (interceptor is not null)
            {
                builder.ConfigureServices(services => services.AddSingleton(interceptor));
            }
        }
    }
}
