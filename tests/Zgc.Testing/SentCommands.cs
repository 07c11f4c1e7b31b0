using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zgc.Testing;

/// <summary>
/// Records every command EF sends through the contexts it is registered with (as an <see cref="IInterceptor"/> in the
/// service's container): its SQL and how many parameters it carried. For tests about the shape of what a save sends.
/// </summary>
public sealed class SentCommands : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private readonly List<SentCommand> _sent = [];

    /// <summary>What was sent so far, in order.</summary>
    public IReadOnlyList<SentCommand> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Note(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_lock)
        {
            _sent.Add(new SentCommand(command.CommandText, command.Parameters.Count));
        }
    }
}

/// <summary>One command as EF sent it.</summary>
public sealed record SentCommand(string Sql, int Parameters)
{
    /// <summary>The statements of the command (EF separates a batch's statements with semicolons).</summary>
    public int Statements => Sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
}
