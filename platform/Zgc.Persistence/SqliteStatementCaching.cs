using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zgc.Persistence;

/// <summary>
/// Gives every SQLite context a <see cref="StatementCachingSqliteConnection"/> in place of the connection EF would create.
/// </summary>
public sealed class SqliteStatementCaching : DbConnectionInterceptor
{
    /// <summary>
    /// How many compiled commands each connection keeps by default: more than the distinct SQL a service's hot paths run
    /// on one database (a few dozen), few enough that a connection's statements stay in the tens of kilobytes.
    /// </summary>
    public const int DefaultCapacity = 64;

    private static readonly ConcurrentDictionary<int, SqliteStatementCaching> Instances = new();

    private SqliteStatementCaching(int capacity) => Capacity = capacity;

    public int Capacity { get; }

    /// <summary>The interceptor for <paramref name="capacity"/> statements per connection.</summary>
    public static SqliteStatementCaching For(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return Instances.GetOrAdd(capacity, static c => new SqliteStatementCaching(c));
    }

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData,
        InterceptionResult<DbConnection> result) =>
        eventData.ConnectionString is { } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(new StatementCachingSqliteConnection(connectionString, Capacity))
            : result;
}
