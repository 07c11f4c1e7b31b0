using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zgc.Persistence;

namespace Zgc.Messaging.Tests;

/// <summary>
/// SQLite connections that stay open under EF's closes and keep their compiled statements
/// (<see cref="StatementCachingSqliteConnection"/>): the same SQL is compiled once per connection, everything EF relies on
/// a close for still happens, and nothing EF's own connections can do is lost.
/// </summary>
public sealed class SqliteStatementCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"zgc-statements-{Guid.NewGuid():N}");

    public SqliteStatementCacheTests()
    {
        Directory.CreateDirectory(_folder);
        using var db = Open();
        db.Database.EnsureCreated();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_query_run_again_after_ef_closed_the_connection_reuses_its_compiled_statement()
    {
        await using var db = Open();
        var connection = Assert.IsType<StatementCachingSqliteConnection>(db.Database.GetDbConnection());
        db.Amounts.Add(new Amount { Id = 1, Value = 2.5m, Label = "one" });
        await db.SaveChangesAsync(Ct);

        var first = await db.Amounts.AsNoTracking().SingleAsync(a => a.Id == 1, Ct);
        Assert.Equal(ConnectionState.Closed, connection.State); // as EF sees it…
        Assert.True(connection.IsHeldOpen); // …while SQLite's connection stays open underneath
        var handle = connection.Handle;
        var cached = connection.Cached;

        var again = await db.Amounts.AsNoTracking().SingleAsync(a => a.Id == 1, Ct);

        Assert.Equal(first.Value, again.Value);
        Assert.Same(handle, connection.Handle); // the same SQLite connection, not one from the pool
        Assert.Equal(cached, connection.Cached); // and no new statement
    }

    [Fact]
    public async Task The_statements_counter_tells_reused_from_compiled()
    {
        await using var db = Open();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();
        var outcomes = new List<string>();
        var mine = new AsyncLocal<bool> { Value = true }; // only this test's commands (others run alongside)
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "Zgc.Persistence", Name: "zgc.sqlite.statements" })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            if (mine.Value)
            {
                lock (outcomes)
                {
                    outcomes.Add((string)tags[0].Value!);
                }
            }
        });
        listener.Start();

        foreach (var sql in new[] { "SELECT 41", "SELECT 41", "SELECT 42", "SELECT 41" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteScalarAsync(Ct);
        }

        Assert.Equal(["compiled", "reused", "compiled", "reused"], outcomes);
    }

    [Fact]
    public async Task Parameters_are_bound_afresh_on_every_run_of_a_cached_statement()
    {
        await using var db = Open();
        db.Amounts.AddRange(Enumerable.Range(1, 20).Select(i => new Amount { Id = i, Value = i, Label = $"n{i}" }));
        await db.SaveChangesAsync(Ct);

        for (var i = 1; i <= 20; i++)
        {
            var id = i;
            Assert.Equal($"n{i}", (await db.Amounts.AsNoTracking().SingleAsync(a => a.Id == id, Ct)).Label);
        }

        Assert.Null(await db.Amounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == 21, Ct));
    }

    [Fact]
    public async Task A_transaction_left_open_when_ef_closes_the_connection_is_rolled_back_as_a_real_close_would()
    {
        await using var db = Open();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (StatementCachingSqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(); // behind EF's back: only the close can end it
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO Amounts (Id, Value, Label) VALUES (7, '1.0', 'abandoned')";
            Assert.Equal(1, await insert.ExecuteNonQueryAsync(Ct));
        }

        await db.Database.CloseConnectionAsync();

        Assert.True(connection.IsHeldOpen);
        Assert.Equal(1L, SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle!)); // no transaction open in SQLite
        await using var other = Open();
        Assert.Equal(0, await other.Amounts.CountAsync(Ct));
    }

    [Fact]
    public async Task A_kept_connection_gives_back_a_large_page_cache_at_the_close()
    {
        await using var db = Open();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (StatementCachingSqliteConnection)db.Database.GetDbConnection();
        await using (var fill = connection.CreateCommand())
        {
            fill.CommandText = "CREATE TABLE pages (id INTEGER PRIMARY KEY, filler BLOB NOT NULL); " +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO pages (filler) SELECT randomblob(3000) FROM n";
            await fill.ExecuteNonQueryAsync(Ct);
        }

        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sum(length(filler)) FROM pages"; // every page through this connection's cache
            Assert.Equal(1_200_000L, await read.ExecuteScalarAsync(Ct));
        }

        Assert.True(CacheUsed(connection) > StatementCachingSqliteConnection.PageCacheKeptBytes);

        await db.Database.CloseConnectionAsync();

        Assert.True(connection.IsHeldOpen);
        Assert.True(CacheUsed(connection) <= StatementCachingSqliteConnection.PageCacheKeptBytes);
    }

    [Fact]
    public async Task A_reader_still_open_when_the_connection_closes_makes_it_close_for_real()
    {
        await using var db = Open();
        db.Amounts.Add(new Amount { Id = 1, Value = 1m, Label = "a" });
        await db.SaveChangesAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (StatementCachingSqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Label FROM Amounts";
        var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        await db.Database.CloseConnectionAsync();

        Assert.False(connection.IsHeldOpen);
        Assert.Equal(0, connection.Cached);
        Assert.True(reader.IsClosed);
    }

    [Fact]
    public async Task A_second_command_while_the_first_ones_reader_is_open_runs_on_its_own_statement()
    {
        await using var db = Open();
        db.Amounts.AddRange(new Amount { Id = 1, Value = 1m, Label = "a" }, new Amount { Id = 2, Value = 2m, Label = "b" });
        await db.SaveChangesAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();

        await using var outer = connection.CreateCommand();
        outer.CommandText = "SELECT Id FROM Amounts ORDER BY Id";
        await using var outerReader = await outer.ExecuteReaderAsync(Ct);
        var labels = new List<string>();
        while (await outerReader.ReadAsync(Ct))
        {
            // The same SQL again while its cached statement is still stepping through the outer rows.
            await using var inner = connection.CreateCommand();
            inner.CommandText = "SELECT Id FROM Amounts ORDER BY Id";
            await using var innerReader = await inner.ExecuteReaderAsync(Ct);
            Assert.True(await innerReader.ReadAsync(Ct));
            labels.Add($"{outerReader.GetInt64(0)}:{innerReader.GetInt64(0)}");
        }

        Assert.Equal(["1:1", "2:1"], labels);
    }

    [Fact]
    public async Task The_least_recently_used_statement_goes_when_the_cache_is_full()
    {
        await using var db = Open(capacity: 2);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (StatementCachingSqliteConnection)db.Database.GetDbConnection();

        foreach (var sql in new[] { "SELECT 1", "SELECT 2", "SELECT 1", "SELECT 3", "SELECT 1", "SELECT 2" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Assert.Equal(long.Parse(sql[^1..], System.Globalization.CultureInfo.InvariantCulture), await command.ExecuteScalarAsync(Ct));
        }

        Assert.Equal(2, connection.Cached);
    }

    [Fact]
    public async Task Errors_come_through_and_the_statement_can_run_again()
    {
        await using var db = Open();
        db.Amounts.Add(new Amount { Id = 1, Value = 1m, Label = "a" });
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        db.Amounts.Add(new Amount { Id = 1, Value = 2m, Label = "duplicate" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();

        db.Amounts.Add(new Amount { Id = 2, Value = 2m, Label = "b" });
        await db.SaveChangesAsync(Ct);
        Assert.Equal(2, await db.Amounts.CountAsync(Ct));
    }

    [Fact]
    public async Task Decimal_arithmetic_and_comparisons_work_as_on_efs_own_connections()
    {
        await using var db = Open();
        db.Amounts.AddRange(new Amount { Id = 1, Value = 10.25m, Label = "x1" }, new Amount { Id = 2, Value = 9.75m, Label = "y2" });
        await db.SaveChangesAsync(Ct);

        // ef_compare, ef_add, ef_multiply, regexp and the aggregates: SQLite stores decimals as text, EF computes with these functions.
        var above = await db.Amounts.Where(a => a.Value > 10m).Select(a => a.Id).ToListAsync(Ct);
        var sum = await db.Amounts.Where(a => a.Value + 0.25m == 10.5m).Select(a => a.Id).ToListAsync(Ct);
        var doubled = await db.Amounts.Where(a => a.Value * 2 < 20m).Select(a => a.Id).ToListAsync(Ct);
        var matched = await db.Amounts.Where(a => System.Text.RegularExpressions.Regex.IsMatch(a.Label, "^y[0-9]$")).Select(a => a.Id).ToListAsync(Ct);

        var sumAll = await db.Amounts.SumAsync(a => a.Value, Ct);
        var average = await db.Amounts.AverageAsync(a => a.Value, Ct);
        var max = await db.Amounts.MaxAsync(a => a.Value, Ct);
        var min = await db.Amounts.MinAsync(a => a.Value, Ct);

        Assert.Equal([1], above);
        Assert.Equal(20m, sumAll);
        Assert.Equal(10m, average);
        Assert.Equal(10.25m, max);
        Assert.Equal(9.75m, min);
        Assert.Equal([1], sum);
        Assert.Equal([2], doubled);
        Assert.Equal([2], matched);
    }

    [Fact]
    public async Task Registers_the_functions_EF_registers()
    {
        // EF's own connection (no interceptor) against ours: every function it gives a connection, ours has too.
        await using var plain = new StatementDb(new DbContextOptionsBuilder<StatementDb>().UseSqlite($"Data Source={File}").Options);
        await using var ours = Open();
        Assert.IsNotType<StatementCachingSqliteConnection>(plain.Database.GetDbConnection());

        var efs = await UserFunctions(plain);
        var mine = await UserFunctions(ours);

        Assert.NotEmpty(efs);
        Assert.Equal(efs, mine);
    }

    [Fact]
    public void A_negative_cache_size_is_refused_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqliteStatementCacheSize"] = "-1",
            ["Database:DataDirectory"] = _folder,
        });

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.AddServiceDatabase<StatementDb, SqliteStatementDb, SqliteStatementDb, SqliteStatementDb>("Statements"));
        Assert.Contains("Database:SqliteStatementCacheSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cache_size_of_zero_leaves_efs_own_connections()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqliteStatementCacheSize"] = "0",
            ["Database:DataDirectory"] = _folder,
            ["Database:MigrateOnStartup"] = "false",
        });
        builder.AddServiceDatabase<StatementDb, SqliteStatementDb, SqliteStatementDb, SqliteStatementDb>("Statements");
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<StatementDb>();

        Assert.IsNotType<StatementCachingSqliteConnection>(db.Database.GetDbConnection());
    }

    private string File => Path.Combine(_folder, "statements.db");

    private StatementDb Open(int capacity = SqliteStatementCaching.DefaultCapacity) =>
        new(new DbContextOptionsBuilder<StatementDb>().UseSqlite($"Data Source={File}")
            .WithSqliteConcurrency(capacity).Options);

    private static long CacheUsed(SqliteConnection connection)
    {
        Assert.Equal(SQLitePCL.raw.SQLITE_OK,
            SQLitePCL.raw.sqlite3_db_status(connection.Handle!, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_USED, out var used, out _, 0));
        return used;
    }

    private static async Task<List<string>> UserFunctions(DbContext db)
    {
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT DISTINCT name FROM pragma_function_list WHERE builtin = 0 ORDER BY name";
            await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
            var names = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class Amount
{
    public int Id { get; set; }

    public decimal Value { get; set; }

    public string Label { get; set; } = "";
}

public class StatementDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Amount> Amounts => Set<Amount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Amount>().Property(a => a.Id).ValueGeneratedNever();
}

/// <summary>The provider-specific context <see cref="ServiceDatabaseExtensions.AddServiceDatabase"/> registers.</summary>
public sealed class SqliteStatementDb(DbContextOptions<SqliteStatementDb> options) : StatementDb(options);
