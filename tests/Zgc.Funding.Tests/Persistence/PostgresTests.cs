using Npgsql;
using Zgc.Funding.Tests.Features;
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

    private sealed class PostgresFundingApp(string database) : FundingApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Funding"] = RealInfrastructure.PostgresDatabase(database),
        };
    }
}
