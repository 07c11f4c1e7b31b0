using System.Data;
using Microsoft.Data.Sqlite;

namespace Zgc.Persistence;

/// <summary>
/// A SQLite connection that stays open underneath when EF closes it, and keeps the statements it has compiled, so that the
/// next request on the same pooled context runs its SQL without parsing and planning it again.
/// </summary>
/// <remarks>
/// <para>Microsoft.Data.Sqlite compiles the SQL of every new command (<c>sqlite3_prepare_v2</c>) and throws the compiled
/// statements away when the command or its connection is disposed, and EF makes a new command for every query and save and
/// closes its connection after each; every open also re-registers EF's SQL functions, and every close unregisters them.
/// In the standalone composition that was ~7 % of the process's CPU compiling the same few hundred statements, and ~4 %
/// opening and closing (docs/performance.md, fix 46). Here EF's <see cref="Close"/> is only a mark (<see cref="State"/>
/// answers <see cref="ConnectionState.Closed"/>): an open transaction is rolled back as a real close would, and the next
/// <see cref="Open"/> finds the connection ready. The connection really closes when it is disposed — with its pooled
/// context, or with a context that was never pooled — or when its connection string changes.</para>
/// <para>Commands it creates are <see cref="StatementCachingSqliteCommand"/>s: each runs on one of this connection's
/// cached commands for its SQL text (up to <see cref="Capacity"/>, the least recently used dropped first). A cached
/// statement holds no lock and no read snapshot between runs (the reader resets it when it is disposed).</para>
/// </remarks>
public sealed class StatementCachingSqliteConnection : SqliteConnection
{
    /// <summary>How much of its page cache a connection keeps between uses (SQLite's own limit is 2 MB).</summary>
    public const int PageCacheKeptBytes = 256 * 1024;

    private static readonly StateChangeEventArgs Opening = new(ConnectionState.Closed, ConnectionState.Open);
    private static readonly StateChangeEventArgs Closing = new(ConnectionState.Open, ConnectionState.Closed);

    private readonly Dictionary<string, LinkedListNode<CachedStatement>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedStatement> _recency = new(); // most recently used first
    private readonly List<CachedStatement> _usedSinceOpen = []; // the only ones that can have a reader open at a close
    private bool _held; // open underneath while EF sees it closed

    public StatementCachingSqliteConnection(string connectionString, int capacity)
        : base(connectionString)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        SqliteEfFunctions.Register(this);
    }

    /// <summary>How many compiled commands the connection keeps.</summary>
    public int Capacity { get; }

    /// <summary>How many commands it keeps now (for tests and diagnostics).</summary>
    public int Cached => _byText.Count;

    /// <summary>Whether the connection is open underneath while closed to its user (for tests).</summary>
    public bool IsHeldOpen => _held;

    public override ConnectionState State => _held ? ConnectionState.Closed : base.State;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString
    {
        get => base.ConnectionString;
        set
        {
            // Another file or other options: what is compiled and open belongs to the old one.
            ReallyClose();
            base.ConnectionString = value;
        }
    }

    public override void Open()
    {
        if (_held)
        {
            _held = false;
            OnStateChange(Opening);
            return;
        }

        base.Open();
    }

    public override void Close()
    {
        if (_held || base.State != ConnectionState.Open)
        {
            return;
        }

        // What a real close does for the user's work: an unfinished transaction is rolled back.
        Transaction?.Dispose();
        var readerOpen = AnyReaderOpen();
        _usedSinceOpen.Clear();
        if (readerOpen)
        {
            // A reader left open would keep its statement (and a read snapshot) in use: close for real.
            ReallyClose();
            return;
        }

        ShrinkPageCache();
        _held = true;
        OnStateChange(Closing);
    }

    /// <summary>
    /// Past <see cref="PageCacheKeptBytes"/>, gives back the pages this connection has cached. A kept connection would
    /// otherwise hold up to SQLite's 2 MB page cache for as long as it lives, however rarely it is used; and little is lost,
    /// because in write-ahead mode a connection drops its whole cache anyway at its next read once any other connection has
    /// committed to the file — which in a busy service has almost always happened.
    /// </summary>
    private void ShrinkPageCache()
    {
        var handle = Handle;
        if (handle is not null &&
            SQLitePCL.raw.sqlite3_db_status(handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_USED, out var used, out _, 0) == SQLitePCL.raw.SQLITE_OK &&
            used > PageCacheKeptBytes)
        {
            using var shrink = new SqliteCommand("PRAGMA shrink_memory", this);
            shrink.ExecuteNonQuery();
        }
    }

    public override SqliteCommand CreateCommand() =>
        new StatementCachingSqliteCommand { Connection = this, CommandTimeout = DefaultTimeout, Transaction = Transaction };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReallyClose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The command to run <paramref name="commandText"/> on: the cached one, compiled on its first run; or, while that one
    /// still has a reader open, a new one of the caller's own (<paramref name="own"/>), which the caller disposes.
    /// </summary>
    internal SqliteCommand Rent(string commandText, out bool own)
    {
        own = false;
        CachedStatement statement;
        if (_byText.TryGetValue(commandText, out var node))
        {
            statement = node.Value;
            if (statement.ReaderOpen)
            {
                own = true;
                statement = NewStatement(commandText);
                SqliteStatementMetrics.Compiled();
            }
            else
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                SqliteStatementMetrics.Reused();
            }
        }
        else
        {
            statement = NewStatement(commandText);
            _byText.Add(commandText, _recency.AddFirst(statement));
            if (_byText.Count > Capacity)
            {
                Evict();
            }

            SqliteStatementMetrics.Compiled();
        }

        if (_usedSinceOpen.Count >= 32)
        {
            // A connection its user keeps open for long runs many commands between closes; the finished ones need no check.
            _usedSinceOpen.RemoveAll(static s => !s.ReaderOpen);
        }

        _usedSinceOpen.Add(statement);
        return statement;
    }

    private CachedStatement NewStatement(string commandText) => new() { Connection = this, CommandText = commandText };

    private void Evict()
    {
        for (var node = _recency.Last; node is not null; node = node.Previous)
        {
            if (!node.Value.ReaderOpen)
            {
                _recency.Remove(node);
                _byText.Remove(node.Value.CommandText);
                node.Value.Dispose(); // finalizes its statements
                return;
            }
        }
    }

    /// <summary>Whether a command run since the last open still has its reader open (only those can).</summary>
    private bool AnyReaderOpen()
    {
        foreach (var statement in _usedSinceOpen)
        {
            if (statement.ReaderOpen)
            {
                return true;
            }
        }

        return false;
    }

    private void ReallyClose()
    {
        // The statements belong to the SQLite connection that is about to go back to Microsoft.Data.Sqlite's pool.
        foreach (var statement in _recency)
        {
            statement.Dispose();
        }

        _recency.Clear();
        _byText.Clear();
        _usedSinceOpen.Clear();
        _held = false; // so that the base class sees it open, and closes it
        base.Close();
    }

    /// <summary>A command kept by the connection; only it knows whether its reader is still open.</summary>
    private sealed class CachedStatement : SqliteCommand
    {
        public bool ReaderOpen => DataReader is not null;
    }
}
