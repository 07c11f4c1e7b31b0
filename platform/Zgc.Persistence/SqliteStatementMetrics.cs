using System.Diagnostics.Metrics;

namespace Zgc.Persistence;

/// <summary>
/// Whether the SQLite connections' statement caches work (meter <c>Zgc.Persistence</c>): <c>zgc.sqlite.statements</c>
/// counts every command run on a <see cref="StatementCachingSqliteConnection"/> by <c>outcome</c> — <c>reused</c> (its SQL
/// was compiled on that connection before) or <c>compiled</c>. Mostly <c>compiled</c> in a steady load means the cache is
/// smaller than the SQL a connection runs (<c>Database:SqliteStatementCacheSize</c>). Read live with
/// <c>dotnet-counters monitor -p PID --counters Zgc.Persistence</c>.
/// </summary>
internal static class SqliteStatementMetrics
{
    public const string MeterName = "Zgc.Persistence";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Statements = Meter.CreateCounter<long>("zgc.sqlite.statements", "{command}",
        "Commands run on SQLite connections that keep their statements, by outcome: reused or compiled");

    private static readonly KeyValuePair<string, object?> ReusedTag = new("outcome", "reused");
    private static readonly KeyValuePair<string, object?> CompiledTag = new("outcome", "compiled");

    public static void Reused() => Statements.Add(1, ReusedTag);

    public static void Compiled() => Statements.Add(1, CompiledTag);
}
