using System.Data;
using Microsoft.Data.Sqlite;

namespace Zgc.Persistence;

/// <summary>
/// The command a <see cref="StatementCachingSqliteConnection"/> hands out: it collects what its user sets (text,
/// parameters, transaction, timeout) and runs it on the connection's cached command for the same text, so the SQL is
/// compiled once per connection rather than once per command.
/// </summary>
/// <remarks>
/// It is a <see cref="SqliteCommand"/> because EF sets SQLite-specific parameter types on what
/// <see cref="SqliteCommand.CreateParameter"/> returns. It never registers with the connection itself (the cached command
/// does), so disposing it is cheap. When the cached command is still reading (a second query while the first one's reader
/// is open) it runs a command of its own instead, as Microsoft.Data.Sqlite would.
/// </remarks>
public sealed class StatementCachingSqliteCommand : SqliteCommand
{
    private SqliteConnection? _connection;
    private SqliteCommand? _ownCommand;

    public override SqliteConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
    {
        var connection = _connection;
        if (connection?.State != ConnectionState.Open)
        {
            throw new InvalidOperationException($"{nameof(ExecuteReader)} needs an open connection (its State is {connection?.State}).");
        }

        var command = Runner(connection);
        command.Transaction = Transaction;
        command.CommandTimeout = CommandTimeout;

        // The cached command binds its parameters while the reader moves from statement to statement, so they stay
        // there until its next run replaces them.
        var parameters = command.Parameters;
        parameters.Clear();
        foreach (SqliteParameter parameter in Parameters)
        {
            parameters.Add(parameter);
        }

        return command.ExecuteReader(behavior);
    }

    public override int ExecuteNonQuery()
    {
        var reader = ExecuteReader(CommandBehavior.Default);
        reader.Dispose();
        return reader.RecordsAffected;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader(CommandBehavior.Default);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    public override void Prepare()
    {
        if (_connection?.State != ConnectionState.Open)
        {
            throw new InvalidOperationException($"{nameof(Prepare)} needs an open connection.");
        }

        Runner(_connection).Prepare();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownCommand?.Dispose();
            _ownCommand = null;
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Runner(SqliteConnection connection)
    {
        _ownCommand?.Dispose();
        _ownCommand = null;
        if (connection is StatementCachingSqliteConnection caching)
        {
            var command = caching.Rent(CommandText, out var own);
            if (own)
            {
                _ownCommand = command;
            }

            return command;
        }

        return _ownCommand = new SqliteCommand(CommandText, connection);
    }
}
