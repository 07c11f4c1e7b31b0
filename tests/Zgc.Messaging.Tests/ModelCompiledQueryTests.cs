using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.TestHost;
using Zgc.Persistence;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// The compiled lookups the hot paths use (<see cref="ModelCompiledQuery{TContext, TParameter, TResult}"/>,
/// <see cref="ModelCompiledListQuery{TContext, TParameter, TResult}"/>): one query object serves the same context type on
/// SQLite and PostgreSQL in one process (the standalone host and the tests do), each with its own model, and answers with
/// the rows of the context it is given.
/// </summary>
public sealed class ModelCompiledQueryTests
{
    private static readonly ModelCompiledQuery<TestDbContext, Guid, Effect?> ByKind =
        new((db, key, _) => db.Effects.AsNoTracking().SingleOrDefault(e => e.Key == key && e.Kind == "step1"));

    private static readonly ModelCompiledListQuery<TestDbContext, Guid, string> KindsOf =
        new((db, key) => db.Effects.AsNoTracking().Where(e => e.Key == key).OrderBy(e => e.At).Select(e => e.Kind));

    private static readonly ModelCompiledQuery<TestDbContext, Guid, string, Effect?> ByKeyAndKind =
        new((db, key, kind, _) => db.Effects.AsNoTracking().SingleOrDefault(e => e.Key == key && e.Kind == kind));

    private static readonly ModelCompiledQuery<TestDbContext, Guid, string, bool> HasKind =
        new((db, key, kind, _) => db.Effects.Any(e => e.Key == key && e.Kind == kind));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_compiled_query_answers_on_SQLite_and_PostgreSQL_alike_each_with_its_own_rows()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var sqlite = new SqliteTestDbContext(new DbContextOptionsBuilder<SqliteTestDbContext>().UseSqlite(connection).Options);
        await sqlite.Database.EnsureCreatedAsync(Ct);
        await using var postgres = new PostgresTestDbContext(new DbContextOptionsBuilder<PostgresTestDbContext>()
            .UseNpgsql(RealInfrastructure.PostgresDatabase("zgc_compiled_" + Guid.NewGuid().ToString("N")[..12])).Options);
        await postgres.Database.EnsureCreatedAsync(Ct);
        try
        {
            var onSqlite = await Seed(sqlite, "step1", "step2");
            var onPostgres = await Seed(postgres, "step1", "ping", "wakeup");

            // Alternating, so each model's compiled delegate is used after the other's.
            for (var round = 0; round < 2; round++)
            {
                Assert.Equal(onSqlite, (await ByKind.Run(sqlite, onSqlite, Ct))?.Key);
                Assert.Equal(onPostgres, (await ByKind.Run(postgres, onPostgres, Ct))?.Key);
                Assert.Null(await ByKind.Run(sqlite, onPostgres, Ct));
                Assert.Equal(["step1", "step2"], await KindsOf.Run(sqlite, onSqlite, Ct));
                Assert.Equal(["step1", "ping", "wakeup"], await KindsOf.Run(postgres, onPostgres, Ct));
                Assert.Empty(await KindsOf.Run(postgres, onSqlite, Ct));

                // Two parameters (a lookup by a pair, such as an application and its construction year).
                Assert.Equal("step2", (await ByKeyAndKind.Run(sqlite, onSqlite, "step2", Ct))?.Kind);
                Assert.Equal("wakeup", (await ByKeyAndKind.Run(postgres, onPostgres, "wakeup", Ct))?.Kind);
                Assert.Null(await ByKeyAndKind.Run(sqlite, onSqlite, "wakeup", Ct));
                Assert.True(await HasKind.Run(postgres, onPostgres, "ping", Ct));
                Assert.False(await HasKind.Run(sqlite, onSqlite, "ping", Ct));
                Assert.False(await HasKind.Run(postgres, onSqlite, "step1", Ct));
            }
        }
        finally
        {
            await postgres.Database.EnsureDeletedAsync(CancellationToken.None);
        }
    }

    private static async Task<Guid> Seed(TestDbContext db, params string[] kinds)
    {
        var key = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);
        foreach (var (kind, i) in kinds.Select((k, i) => (k, i)))
        {
            db.Effects.Add(new Effect { Id = Guid.NewGuid(), Kind = kind, Key = key, MessageId = Guid.NewGuid(), At = at.AddMinutes(i) });
        }

        await db.SaveChangesAsync(Ct);
        return key;
    }
}
