using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Zgc.Persistence;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers a service's DbContext on the provider chosen by <c>Database:Provider</c>.
    /// Migrations are generated per provider, so each provider has its own small context subclass;
    /// the rest of the service only ever asks for <typeparamref name="TDb"/>.
    /// </summary>
    /// <remarks>
    /// Contexts are pooled: creating one per scope (its internal services, its model lookup) was ~7 % of a service's CPU
    /// under load (docs/performance.md). Pooling needs the contexts to keep no state of their own beyond what EF resets,
    /// which holds for every service's context (options-only constructors, no fields).
    /// </remarks>
    public static IHostApplicationBuilder AddServiceDatabase<TDb, TSqlite, TPostgres, TSqlServer>(
        this IHostApplicationBuilder builder, string serviceName)
        where TDb : DbContext
        where TSqlite : TDb
        where TPostgres : TDb
        where TSqlServer : TDb
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.SqliteStatementCacheSize < 0)
        {
            throw new InvalidOperationException(
                $"Database:SqliteStatementCacheSize is {options.SqliteStatementCacheSize}; it must be 0 (no cache) or more.");
        }

        if (options.PostgresMaxBatchSize is < 1 or > 1000)
        {
            throw new InvalidOperationException(
                $"Database:PostgresMaxBatchSize is {options.PostgresMaxBatchSize}; it must be from 1 to 1000 statements per command.");
        }

        var connectionString = ResolveConnectionString(builder.Configuration, options, serviceName, builder.Environment.ContentRootPath);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddDbContextPool<TSqlite>((sp, o) => o.UseSqlite(connectionString).WithSqliteConcurrency(options.SqliteStatementCacheSize).WithRegisteredInterceptors(sp));
                builder.Services.AddScoped<TDb>(sp => sp.GetRequiredService<TSqlite>());
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContextPool<TPostgres>((sp, o) => o.UseNpgsql(connectionString, n => n.MaxBatchSize(options.PostgresMaxBatchSize)).WithRegisteredInterceptors(sp));
                builder.Services.AddScoped<TDb>(sp => sp.GetRequiredService<TPostgres>());
                break;
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContextPool<TSqlServer>((sp, o) => o.UseSqlServer(connectionString).WithRegisteredInterceptors(sp));
                builder.Services.AddScoped<TDb>(sp => sp.GetRequiredService<TSqlServer>());
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer.");
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>($"{serviceName.ToLowerInvariant()}-db", tags: ["ready"]);
        if (options.MigrateOnStartup)
        {
            builder.Services.AddHostedService<DatabaseMigrator<TDb>>();
        }

        return builder;
    }

    /// <summary>
    /// Adds the EF interceptors registered in the service container (<see cref="IInterceptor"/> singletons), e.g. the
    /// outbox's commit signal: a library that needs to see the service context's saves and commits registers one there.
    /// </summary>
    private static DbContextOptionsBuilder WithRegisteredInterceptors(this DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetServices<IInterceptor>());

    /// <summary>
    /// The connection string a service uses: its own entry, else the template, else a SQLite file; on PostgreSQL with
    /// <see cref="PostgresConnectionDefaults"/> applied.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, DatabaseOptions options, string serviceName, string contentRoot)
    {
        var explicitString = configuration.GetConnectionString(serviceName);
        if (!string.IsNullOrWhiteSpace(explicitString))
        {
            return WithDefaults(options, explicitString);
        }

        var lower = serviceName.ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return WithDefaults(options, options.ConnectionString.Replace("{service}", lower, StringComparison.Ordinal));
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"No connection string for service '{serviceName}': set ConnectionStrings:{serviceName} or Database:ConnectionString.");
        }

        var folder = Path.GetFullPath(options.DataDirectory, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, lower + ".db")}";
    }

    private static string WithDefaults(DatabaseOptions options, string connectionString) =>
        options.Provider == DatabaseProvider.Postgres ? PostgresConnectionDefaults.Apply(connectionString) : connectionString;
}
