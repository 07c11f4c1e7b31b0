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
}
