using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Zgc.Security.Tests.Hostile;

/// <summary>
/// A fingerprint of every table in every SQLite database of the standalone host (one file per service): the row count and a
/// SHA-256 of all rows in rowid order, so an update that changes no count is seen too.
/// </summary>
public sealed class DatabaseSnapshot
{
    /// <summary>
    /// Tables that may change while every request is refused, and why:
    /// <list type="bullet">
    /// <item><c>audit_entries</c>: the audit log records refused attempts as well (issue 11, part 4).</item>
    /// <item><c>InboxMessages</c>, <c>OutboxMessages</c>: housekeeping of the messaging platform (deliveries of earlier
    /// requests' messages, their cleanup) runs in the background whatever this test sends.</item>
    /// <item><c>FaultedMessages</c>: fed by consumers of earlier messages, never by an HTTP request.</item>
    /// <item><c>IdempotencyRecords</c>: expired keys are swept in the background (IdempotencyCleanup); a refused request
    /// never stores one, and an added record would still show in the table it guards.</item>
    /// </list>
    /// Every other table of every service is compared.
    /// </summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "audit_entries", "InboxMessages", "OutboxMessages", "FaultedMessages", "IdempotencyRecords",
        "__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence",
    };

    private readonly SortedDictionary<string, (long Rows, string Hash)> _tables = new(StringComparer.Ordinal);

    public int TableCount => _tables.Count;

    /// <summary>Every database in the folder, or only <paramref name="only"/> (a file name such as <c>intake.db</c>).</summary>
    public static async Task<DatabaseSnapshot> Take(string dataDirectory, CancellationToken cancellationToken, string? only = null)
    {
        var snapshot = new DatabaseSnapshot();
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "*.db", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => only is null || Path.GetFileName(f) == only))
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables.Where(t => !Ignored.Contains(t)))
            {
                snapshot._tables[Path.GetFileName(file) + "/" + table] = await Fingerprint(connection, table, cancellationToken);
            }
        }

        return snapshot;
    }

    /// <summary>
    /// The tables whose rows differ from <paramref name="before"/>, with the counts before and after; only the databases
    /// of this snapshot when it was taken of some of them.
    /// </summary>
    public IReadOnlyList<string> ChangedSince(DatabaseSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var files = _tables.Keys.Select(k => k.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var name in _tables.Keys.Union(before._tables.Keys.Where(k => files.Contains(k.Split('/')[0]))).Order(StringComparer.Ordinal))
        {
            var was = before._tables.GetValueOrDefault(name);
            var now = _tables.GetValueOrDefault(name);
            if (was != now)
            {
                changed.Add($"{name}: {was.Rows} → {now.Rows} rows{(was.Rows == now.Rows ? " (contents changed)" : "")}");
            }
        }

        return changed;
    }

    /// <summary>This snapshot with the tables of <paramref name="newer"/> taken over: the new baseline after a reported change.</summary>
    public DatabaseSnapshot With(DatabaseSnapshot newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        var merged = new DatabaseSnapshot();
        foreach (var (name, value) in _tables.Concat(newer._tables))
        {
            merged._tables[name] = value;
        }

        return merged;
    }

    private static async Task<(long Rows, string Hash)> Fingerprint(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Table names come from sqlite_master of our own databases; quoting keeps odd names (none today) harmless.
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u241F"));
                }

                hash.AppendData("\u241E"u8);
            }
        }
        catch (SqliteException e) when (e.Message.Contains("rowid", StringComparison.OrdinalIgnoreCase))
        {
            // A WITHOUT ROWID table: counted only.
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            rows = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (rows, Convert.ToHexString(hash.GetHashAndReset()));
    }
}
