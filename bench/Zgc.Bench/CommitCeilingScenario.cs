using System.Diagnostics;
using Npgsql;

namespace Zgc.Bench;

/// <summary>
/// The machine's own limit for durable work: how many single-row transactions PostgreSQL commits per second, over one
/// connection and over several at once (where commits share a WAL flush). Every outbox write, inbox record and saga
/// transition is at least one such commit, so this bounds them whatever the code above does.
/// </summary>
public static class CommitCeilingScenario
{
    public const int Connections = 16;

    public static async Task<List<BenchResult>> Run(BenchOptions options)
    {
        var results = new List<BenchResult>();
        await using var database = new BenchDatabase(options.Postgres, "commits", options.KeepDatabases);
        await using (var admin = new NpgsqlConnection(options.Postgres.TrimEnd(';') + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var table = new NpgsqlCommand("CREATE TABLE commits (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())", connection);
            await table.ExecuteNonQueryAsync();
        }

        var count = options.Events;
        await Commit(database.ConnectionString, Math.Min(200, count), 1);
        foreach (var connections in new[] { 1, Connections })
        {
            Console.WriteLine($"  {count} single-row commits over {connections} connection(s)");
            var cpu = CpuMeter.Start();
            var elapsed = await Commit(database.ConnectionString, count, connections);
            results.Add(new BenchResult(connections == 1 ? Keys.CommitsSerial : Keys.CommitsParallel, "PostgreSQL commit ceiling",
                $"one-row INSERT + COMMIT, {connections} connection{(connections == 1 ? "" : "s")}", count, elapsed, null,
                "raw Npgsql, no EF, no broker: the most durable transitions or deliveries this machine can commit")
            {
                CpuMicrosecondsPerItem = cpu.PerItem(count),
            });
        }

        return results;
    }

    private static async Task<TimeSpan> Commit(string connectionString, int count, int connections)
    {
        var next = 0;
        var body = new string('x', 500);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            while (Interlocked.Increment(ref next) <= count)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = new NpgsqlCommand("INSERT INTO commits (body) VALUES (@body)", connection, transaction);
                insert.Parameters.AddWithValue("body", body);
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        }));
        return stopwatch.Elapsed;
    }
}
