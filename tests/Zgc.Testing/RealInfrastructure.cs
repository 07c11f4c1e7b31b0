namespace Zgc.Testing;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ are: the test command starts both on 127.0.0.1 and exports these
/// variables; the defaults match what it starts, so a developer's own run works the same way.
/// </summary>
public static class RealInfrastructure
{
    public static string Postgres =>
        Environment.GetEnvironmentVariable("ZGC_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public static string RabbitMq => Environment.GetEnvironmentVariable("ZGC_TEST_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>A connection string for a fresh database of that name (the service creates it on start).</summary>
    public static string PostgresDatabase(string database) => Postgres + ";Database=" + database;
}
