using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zgc.Persistence;

namespace Zgc.Messaging.Tests;

/// <summary>
/// The queue in front of SQLite's single writer lock (<see cref="SqliteWriteGate"/>) and the connection set-up beside it:
/// transactions on one file take turns, a transaction that ends any way at all lets the next one go, and nothing is lost
/// or held when many write at once.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5); // far below the gate's 30 s fall-back

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"zgc-gate-{Guid.NewGuid():N}");
    private readonly SqliteWriteGate _gate = new(); // not the shared instance: other tests' transactions stay out of the counts

    public SqliteWriteGateTests()
    {
        Directory.CreateDirectory(_folder);
        using var db = Open();
        db.Database.EnsureCreated();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string File => Path.Combine(_folder, "gate.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_file_is_switched_to_write_ahead_logging_and_connections_wait_inside_sqlite()
    {
        await using var db = Open();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteConnectionSetup.BusyTimeoutMilliseconds, await Scalar(connection, "PRAGMA busy_timeout"));
        Assert.Equal((long)SqliteConnectionSetup.WalAutoCheckpointPages, await Scalar(connection, "PRAGMA wal_autocheckpoint"));
    }

    [Fact]
    public async Task The_log_is_copied_into_the_file_at_the_larger_mark_and_every_commit_stays_readable()
    {
        // Commits that write well past SQLite's default mark (1,000 pages) but under ours: no checkpoint yet, so the log
        // holds them all; a checkpoint asked for by hand then copies them, and nothing committed is lost either way.
        await using var db = Open();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await Scalar(connection, "CREATE TABLE pages (id INTEGER PRIMARY KEY, filler BLOB NOT NULL)");
        for (var i = 0; i < 30; i++)
        {
            await Scalar(connection, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO pages (filler) SELECT randomblob(3500) FROM n");
        }

        var logPages = new FileInfo(File + "-wal").Length / 4_120; // a frame: the page and its 24-byte header
        Assert.InRange(logPages, 1_500, SqliteConnectionSetup.WalAutoCheckpointPages);
        Assert.Equal(1_500L, await Scalar(connection, "SELECT count(*) FROM pages"));

        await Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.Equal(0L, new FileInfo(File + "-wal").Length);
        Assert.Equal(1_500L, await Scalar(connection, "SELECT count(*) FROM pages"));
    }

    [Fact]
    public async Task A_write_waits_in_the_queue_not_at_sqlite_while_another_transaction_holds_the_file()
    {
        var commands = new CommandCounter();
        await using var first = Open();
        await using var second = Open(commands);
        await using var holding = await first.Database.BeginTransactionAsync(Ct);
        first.Counters.Add(new GateCounter { Id = 1, Value = 1 });
        await first.SaveChangesAsync(Ct);

        // A single INSERT, which EF would otherwise send outside any transaction.
        second.Rows.Add(new GateRow { Name = "queued" });
        var waiting = Task.Run(() => second.SaveChangesAsync(Ct), Ct);
        await Task.Delay(300, Ct);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, commands.Executed); // it has not reached SQLite (there it would be polling for the lock)
        Assert.Equal(1, _gate.Held);

        await holding.CommitAsync(Ct);
        Assert.Equal(1, await waiting.WaitAsync(Soon, Ct));
        Assert.Equal(0, _gate.Held);
    }

    [Fact]
    public async Task The_time_a_file_was_held_and_waited_for_is_counted_under_its_name()
    {
        // Measurements are tagged with the file's name; this test's folder is its own, so other tests' files stay out.
        var totals = new Dictionary<string, double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Zgc.Persistence" && instrument.Name.StartsWith("zgc.sqlite.write_gate.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        var name = Path.GetFileName(File);
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (tags.Length == 1 && tags[0] is { Key: "file", Value: string file } && file == name)
            {
                lock (totals)
                {
                    totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
                }
            }
        });
        listener.Start();

        await using var first = Open();
        await using var second = Open();
        var holding = await first.Database.BeginTransactionAsync(Ct);
        second.Rows.Add(new GateRow { Name = "queued" });
        var waiting = Task.Run(() => second.SaveChangesAsync(Ct), Ct);
        await Task.Delay(300, Ct);
        await holding.CommitAsync(Ct);
        await holding.DisposeAsync();
        await waiting.WaitAsync(Soon, Ct);

        lock (totals)
        {
            // The first held the file for the 300 ms the second waited for it; the second held it for its own insert.
            Assert.InRange(totals.GetValueOrDefault("zgc.sqlite.write_gate.held"), 290, Soon.TotalMilliseconds * 2);
            Assert.InRange(totals.GetValueOrDefault("zgc.sqlite.write_gate.wait"), 250, Soon.TotalMilliseconds);
        }
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_lets_the_next_one_go()
    {
        await using (var first = Open())
        {
            await using var abandoned = await first.Database.BeginTransactionAsync(Ct);
            first.Counters.Add(new GateCounter { Id = 1, Value = 1 });
            await first.SaveChangesAsync(Ct);
        }

        await using var second = Open();
        await using var next = await second.Database.BeginTransactionAsync(Ct).WaitAsync(Soon, Ct);
        Assert.Equal(0, await second.Counters.CountAsync(Ct)); // the abandoned insert was rolled back
        await next.CommitAsync(Ct);
        Assert.Equal(0, _gate.Held);
    }

    [Fact]
    public async Task A_transaction_ended_behind_efs_back_loses_its_turn_within_a_check()
    {
        await using var first = Open();
        await using var ended = await first.Database.BeginTransactionAsync(Ct);
        // SQLite's transaction ends, but EF (and so the gate) still thinks it is open, and its connection stays open.
        await first.Database.ExecuteSqlRawAsync("ROLLBACK", Ct);
        Assert.Equal(1, _gate.Held);

        await using var second = Open();
        await using var next = await second.Database.BeginTransactionAsync(Ct)
            .WaitAsync(SqliteWriteGate.HolderCheckInterval * 3, Ct); // not the 30 s fall-back
        second.Rows.Add(new GateRow { Name = "after" });
        await second.SaveChangesAsync(Ct);
        await next.CommitAsync(Ct);
        Assert.Equal(0, _gate.Held);
    }

    [Fact]
    public async Task A_save_that_fails_lets_the_next_one_go()
    {
        await using (var first = Open())
        {
            first.Rows.Add(new GateRow { Name = "taken" });
            await first.SaveChangesAsync(Ct);
        }

        await using (var duplicate = Open())
        {
            duplicate.Rows.Add(new GateRow { Name = "taken" });
            await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync(Ct));
        }

        Assert.Equal(0, _gate.Held);
        await using var next = Open();
        next.Rows.Add(new GateRow { Name = "free" });
        Assert.Equal(1, await next.SaveChangesAsync(Ct).WaitAsync(Soon, Ct));
    }

    [Fact]
    public async Task Many_writers_at_once_each_count_once_and_the_queue_ends_empty()
    {
        await using (var seed = Open())
        {
            seed.Counters.Add(new GateCounter { Id = 1, Value = 0 });
            await seed.SaveChangesAsync(Ct);
        }

        // Read, add one, write back: a lost update would show as a total below the number of writers.
        const int writers = 64;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var db = Open();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var counter = await db.Counters.SingleAsync(c => c.Id == 1, Ct);
            counter.Value++;
            db.Rows.Add(new GateRow { Name = Guid.NewGuid().ToString("N") });
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }, Ct))).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        await using var check = Open();
        Assert.Equal(writers, (await check.Counters.SingleAsync(Ct)).Value);
        Assert.Equal(writers, await check.Rows.CountAsync(Ct));
        Assert.Equal(0, _gate.Held);
    }

    [Fact]
    public async Task In_memory_databases_are_not_queued()
    {
        await using var one = new SqliteConnection("Data Source=:memory:");
        await using var two = new SqliteConnection("Data Source=:memory:");
        await using var first = Open(connection: one);
        await using var second = Open(connection: two);
        await first.Database.OpenConnectionAsync(Ct);
        await second.Database.OpenConnectionAsync(Ct);

        await using var a = await first.Database.BeginTransactionAsync(Ct);
        await using var b = await second.Database.BeginTransactionAsync(Ct).WaitAsync(Soon, Ct);
        Assert.Equal(0, _gate.Held);
    }

    private GateDb Open(CommandCounter? commands = null, DbConnection? connection = null)
    {
        var builder = new DbContextOptionsBuilder<GateDb>();
        _ = connection is null ? builder.UseSqlite($"Data Source={File}") : builder.UseSqlite(connection);
        // As the services have it: connections that keep their statements (StatementCachingSqliteConnection).
        builder.AddInterceptors(SqliteConnectionSetup.Instance, _gate, SqliteStatementCaching.For(SqliteStatementCaching.DefaultCapacity));
        if (commands is not null)
        {
            builder.AddInterceptors(commands);
        }

        return new GateDb(builder.Options);
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _executed;

        public int Executed => Volatile.Read(ref _executed);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _executed);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _executed);
            return result;
        }
    }
}

public sealed class GateCounter
{
    public int Id { get; set; }

    public long Value { get; set; }
}

public sealed class GateRow
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

public sealed class GateDb(DbContextOptions<GateDb> options) : DbContext(options)
{
    public DbSet<GateCounter> Counters => Set<GateCounter>();

    public DbSet<GateRow> Rows => Set<GateRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<GateCounter>().Property(c => c.Id).ValueGeneratedNever();
        modelBuilder.Entity<GateRow>().HasIndex(r => r.Name).IsUnique();
    }
}
