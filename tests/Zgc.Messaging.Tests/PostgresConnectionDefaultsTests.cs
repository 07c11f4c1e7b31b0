using Npgsql;
using Zgc.Persistence;

namespace Zgc.Messaging.Tests;

/// <summary>The Npgsql defaults every service gets on PostgreSQL, and that a connection string can still override them.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_plain_connection_string_gets_no_reset_on_close_and_auto_prepare()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=zgc_intake;Username=u;Password=p"));

        Assert.True(applied.NoResetOnClose);
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(("db", "zgc_intake", "u", "p"), (applied.Host, applied.Database, applied.Username, applied.Password));
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;noresetonclose=false;maxautoprepare=0")]
    public void Settings_the_connection_string_gives_are_kept(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.False(applied.NoResetOnClose);
        Assert.Equal(0, applied.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432")]
    [InlineData("Host=localhost")]
    [InlineData("Host=::1")]
    [InlineData("Host=/var/run/postgresql")]
    [InlineData("Host=127.0.0.1:5432,localhost:5433")]
    [InlineData("Host=[::1]:5432")]
    public void A_server_on_this_machine_is_reached_without_tls(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.Equal(SslMode.Disable, applied.SslMode);
    }

    [Theory]
    [InlineData("Host=db")]
    [InlineData("Host=10.0.0.5")]
    [InlineData("Host=127.0.0.1,db.example")]
    [InlineData("Host=127.0.0.1;SSL Mode=Require")]
    [InlineData("Host=localhost;sslmode=prefer")]
    public void A_remote_server_or_a_given_ssl_mode_keeps_its_tls_setting(string connectionString)
    {
        var given = new NpgsqlConnectionStringBuilder(connectionString);

        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.Equal(given.SslMode, applied.SslMode);
        Assert.NotEqual(SslMode.Disable, applied.SslMode);
    }
}
