using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zgc.Persistence;

namespace Zgc.Audit.Persistence;

/// <summary>
/// Opens audit contexts on one service's database. Built by hand rather than with <c>AddDbContext</c> because one
/// process (the standalone host) keeps the logs of several services, each on its own database.
/// </summary>
internal sealed class AuditStore
{
    private readonly Func<AuditDbContext> _create;
    private readonly IServiceProvider _applicationServices;

    public AuditStore(DatabaseProvider provider, string connectionString, IServiceProvider applicationServices)
    {
        Provider = provider;
        _applicationServices = applicationServices;
        _create = provider switch
        {
            DatabaseProvider.Sqlite => Factory<SqliteAuditDbContext>(applicationServices,
                b => b.UseSqlite(connectionString, o => o.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable))
                    .WithSqliteConcurrency(), o => new SqliteAuditDbContext(o)),
            DatabaseProvider.Postgres => Factory<PostgresAuditDbContext>(applicationServices,
                b => b.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable)), o => new PostgresAuditDbContext(o)),
            DatabaseProvider.SqlServer => Factory<SqlServerAuditDbContext>(applicationServices,
                b => b.UseSqlServer(connectionString, o => o.MigrationsHistoryTable(AuditDbContext.MigrationsHistoryTable)), o => new SqlServerAuditDbContext(o)),
            _ => throw new InvalidOperationException($"Database:Provider '{provider}' is not one of Sqlite, Postgres, SqlServer."),
        };
    }

    public DatabaseProvider Provider { get; }

    public AuditDbContext Open() => _create();

    /// <summary>A context on a connection the caller owns (and keeps open), to join the caller's transaction.</summary>
    public AuditDbContext Open(DbConnection connection) => Provider switch
    {
        DatabaseProvider.Sqlite => Factory<SqliteAuditDbContext>(_applicationServices, b => b.UseSqlite(connection), o => new SqliteAuditDbContext(o))(),
        DatabaseProvider.Postgres => Factory<PostgresAuditDbContext>(_applicationServices, b => b.UseNpgsql(connection), o => new PostgresAuditDbContext(o))(),
        DatabaseProvider.SqlServer => Factory<SqlServerAuditDbContext>(_applicationServices, b => b.UseSqlServer(connection), o => new SqlServerAuditDbContext(o))(),
        _ => throw new InvalidOperationException($"Database:Provider '{Provider}' is not one of Sqlite, Postgres, SqlServer."),
    };

    /// <summary>
    /// Inside the append transaction: waits until no other process is appending to <paramref name="service"/>'s chain.
    /// PostgreSQL: a transaction-scoped advisory lock; SQL Server: a transaction-owned application lock; SQLite: the
    /// transaction already began with <c>BEGIN IMMEDIATE</c>, which takes the single writer lock.
    /// </summary>
    public async Task LockChain(AuditDbContext db, string service, CancellationToken cancellationToken)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                var key = LockKey(service);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {key})", cancellationToken);
                break;
            case DatabaseProvider.SqlServer:
                var resource = "zgc-audit:" + service;
                await db.Database.ExecuteSqlAsync(
                    $"DECLARE @r int; EXEC @r = sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000; IF @r < 0 THROW 51000, 'The audit chain lock was not granted.', 1;",
                    cancellationToken);
                break;
            default:
                break;
        }
    }

    // pg_advisory_xact_lock(int, int): a fixed class for audit chains, and the service's name hashed to the second key.
    private const int LockClass = 0x5A474341;

    private static int LockKey(string service) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(service)), 0);

    private static Func<AuditDbContext> Factory<TContext>(IServiceProvider applicationServices,
        Action<DbContextOptionsBuilder<TContext>> useProvider, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : AuditDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>()
            .UseApplicationServiceProvider(applicationServices)
            // Each test host and each service's log builds its own options; that many is expected, not a leak.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        useProvider(builder);
        var options = builder.Options;
        return () => create(options);
    }
}
