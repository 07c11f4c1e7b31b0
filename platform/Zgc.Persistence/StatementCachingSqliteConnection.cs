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
    private static readonly StateChangeEventArgs Opening = new(ConnectionState.Closed, ConnectionState.Open);
    private static readonly StateChangeEventArgs Closing = new(ConnectionState.Open, ConnectionState.Closed);

    private readonly Dictionary<string, LinkedListNode<CachedStatement>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedStatement> _recency = new(); // most recently used first
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
        if (AnyReaderOpen())
        {
            // A reader left open would keep its statement (and a read snapshot) in use: close for real.
            ReallyClose();
            return;
        }

        _held = true;
        OnStateChange(Closing);
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
    /// The cached command for <paramref name="commandText"/>, compiled on its first run; <see langword="null"/> while that
    /// command still has a reader open (the caller then runs a command of its own).
    /// </summary>
    internal SqliteCommand? Rent(string commandText)
    {
        if (_byText.TryGetValue(commandText, out var node))
        {
            if (node.Value.ReaderOpen)
            {
                SqliteStatementMetrics.Compiled(); // the caller compiles a command of its own
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            SqliteStatementMetrics.Reused();
            return node.Value;
        }

        SqliteStatementMetrics.Compiled();

        var statement = new CachedStatement { Connection = this, CommandText = commandText };
        _byText.Add(commandText, _recency.AddFirst(statement));
        if (_byText.Count > Capacity)
        {
            Evict();
        }

        return statement;
    }

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

    private bool AnyReaderOpen()
    {
        foreach (var statement in _recency)
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
        _held = false; // so that the base class sees it open, and closes it
        base.Close();
    }

    /// <summary>A command kept by the connection; only it knows whether its reader is still open.</summary>
    private sealed class CachedStatement : SqliteCommand
    {
        public bool ReaderOpen => DataReader is not null;
    }
}
