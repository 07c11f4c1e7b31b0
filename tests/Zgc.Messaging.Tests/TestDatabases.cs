using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.TestHost;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// The test context on each engine the messaging platform supports here, created for one scenario and gone after it: an
/// in-memory SQLite database, or a PostgreSQL database of its own (dropped even when the scenario fails).
/// </summary>
internal static class TestDatabases
{
    public static async Task OnSqlite(Func<TestDbContext, Task> scenario)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using var db = new SqliteTestDbContext(new DbContextOptionsBuilder<SqliteTestDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync(ct);
        await scenario(db);
    }

    /// <param name="prefix">The start of the database's name (a random suffix keeps runs apart), e.g. <c>zgc_inbox_claim_</c>.</param>
    /// <param name="scenario">What runs against the database's context.</param>
    public static async Task OnPostgres(string prefix, Func<TestDbContext, Task> scenario)
    {
        var options = new DbContextOptionsBuilder<PostgresTestDbContext>()
            .UseNpgsql(RealInfrastructure.PostgresDatabase(prefix + Guid.NewGuid().ToString("N")[..12])).Options;
        await using var db = new PostgresTestDbContext(options);
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        try
        {
            await scenario(db);
        }
        finally
        {
            await db.Database.EnsureDeletedAsync(CancellationToken.None);
        }
    }
}
