using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zgc.Persistence;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// A service's saves on PostgreSQL go in commands of at most <c>Database:PostgresMaxBatchSize</c> statements, so a save of
/// hundreds of rows never builds one command large enough for the large-object heap (docs/performance.md, fixes 57 and 59).
/// </summary>
public sealed partial class PostgresBatchSizeTests
{
    private const string Prefix = "zgc_batch_size_";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, new[] { 40, 40, 40, 40, 40, 40, 10 })]
    [InlineData("100", new[] { 100, 100, 50 })]
    public async Task A_save_of_many_rows_goes_in_commands_of_at_most_the_batch_size(string? setting, int[] expected)
    {
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        var commands = new SentCommands();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Statements"] = RealInfrastructure.PostgresDatabase(database),
                ["Database:MigrateOnStartup"] = "false",
            };
            if (setting is not null)
            {
                settings["Database:PostgresMaxBatchSize"] = setting;
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<IInterceptor>(commands);
            builder.AddServiceDatabase<StatementDb, SqliteStatementDb, PostgresStatementDb, SqliteStatementDb>("Statements");
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StatementDb>();
            await db.Database.EnsureCreatedAsync(Ct);

            db.Amounts.AddRange(Enumerable.Range(1, 250).Select(i => new Amount { Id = i, Value = i / 100m, Label = $"row {i}" }));
            await db.SaveChangesAsync(Ct);

            Assert.Equal(expected, commands.All.Select(c => Insert().Count(c.Sql)).Where(n => n > 0));
            Assert.Equal(250, await db.Amounts.CountAsync(Ct));
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void A_batch_size_out_of_range_is_refused_naming_the_setting(string setting)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Statements"] = RealInfrastructure.PostgresDatabase(Prefix + "refused"),
            ["Database:PostgresMaxBatchSize"] = setting,
        });

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.AddServiceDatabase<StatementDb, SqliteStatementDb, PostgresStatementDb, SqliteStatementDb>("Statements"));
        Assert.Contains("Database:PostgresMaxBatchSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 1000", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("INSERT INTO", RegexOptions.CultureInvariant)]
    private static partial Regex Insert();
}

/// <summary>The PostgreSQL context <see cref="ServiceDatabaseExtensions.AddServiceDatabase"/> registers for these tests.</summary>
public sealed class PostgresStatementDb(DbContextOptions<PostgresStatementDb> options) : StatementDb(options);
