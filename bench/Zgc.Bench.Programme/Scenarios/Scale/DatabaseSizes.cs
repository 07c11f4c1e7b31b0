using Npgsql;

namespace Zgc.Bench.Programme.Scenarios.Scale;

/// <summary>The size on disk of one database and of its largest tables (heap, TOAST and every index).</summary>
public static class DatabaseSizes
{
    public static async Task<(long Database, List<(string Table, long Bytes)> Tables)> Read(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var database = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var total = (long)(await database.ExecuteScalarAsync())!;
        var tables = new List<(string, long)>();
        await using var list = new NpgsqlCommand("""
            SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY 2 DESC LIMIT 4
            """, connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return (total, tables);
    }
}
