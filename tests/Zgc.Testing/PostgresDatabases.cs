using Npgsql;

namespace Zgc.Testing;

/// <summary>Cleans up the per-test databases that services created on the local PostgreSQL.</summary>
public static class PostgresDatabases
{
    public static async Task DropAll(string prefix)
    {
        // Unpooled: tests that restart PostgreSQL leave pooled connections dead, and the first command on one fails
        // (57P01 "terminating connection due to administrator command") — cleanup must not depend on what ran before.
        await using var connection = new NpgsqlConnection(RealInfrastructure.Postgres + ";Database=postgres;Pooling=false");
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p", connection))
        {
            list.Parameters.AddWithValue("p", prefix + "%");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            // Names come from pg_database and match our own prefix of letters, digits and underscores.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
