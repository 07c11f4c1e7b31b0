using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Zgc.Messaging.Inbox;

/// <summary>
/// Records that a consumer is handling a message, inside the consumer's transaction, and says whether it was new. On
/// PostgreSQL and SQLite that is one statement, an insert that does nothing on a duplicate key: fewer round trips than
/// reading the inbox and then inserting, and it runs on every message every service consumes. A concurrent duplicate
/// waits on the first one's row lock and then finds it (PostgreSQL), or waits for the single writer (SQLite). SQL Server
/// has no such insert; there the row is looked for and then inserted, and a concurrent duplicate fails on the key and is
/// retried into the lookup.
/// </summary>
internal static class InboxClaim
{
    /// <summary>The statement and its columns, built once per model: every message every service consumes runs it.</summary>
    private static readonly ConditionalWeakTable<IModel, InsertStatement> Statements = [];

    /// <summary>True when the message was not handled by this consumer before (the inbox row is now written); false for a duplicate.</summary>
    public static async Task<bool> TryClaim(DbContext db, InboxMessage row, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql() || db.Database.IsSqlite())
        {
            return await InsertIfAbsent(db, row, cancellationToken) == 1;
        }

        var seen = await db.Set<InboxMessage>().AnyAsync(x => x.MessageId == row.MessageId && x.ConsumerId == row.ConsumerId, cancellationToken);
        if (seen)
        {
            return false;
        }

        db.Add(row);
        // Saved at once so a concurrent duplicate fails on the primary key and is retried into the lookup above.
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Task<int> InsertIfAbsent(DbContext db, InboxMessage row, CancellationToken cancellationToken)
    {
        var statement = Statements.GetValue(db.Model, Prepare);
        // Each parameter made by its column's own type mapping, exactly as SaveChanges would write it (SQLite keeps ids as
        // upper-case text and instants as UTC ticks; PostgreSQL uuid and UTC timestamptz).
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new object[statement.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var (mapping, property) = statement.Columns[i];
            parameters[i] = mapping.CreateParameter(factory, $"@inbox{i}", property.GetValue(row));
        }

        // Only identifiers from the EF model are concatenated; the values are parameters.
#pragma warning disable EF1002
        return db.Database.ExecuteSqlRawAsync(statement.Sql, parameters, cancellationToken);
#pragma warning restore EF1002
    }

    private sealed record InsertStatement(string Sql, IReadOnlyList<(RelationalTypeMapping Mapping, PropertyInfo Property)> Columns);

    private static InsertStatement Prepare(IModel model)
    {
        var entity = model.FindEntityType(typeof(InboxMessage))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var table = entity.GetSchemaQualifiedTableName()!;
        var columns = new[] { nameof(InboxMessage.MessageId), nameof(InboxMessage.ConsumerId), nameof(InboxMessage.ConsumerType), nameof(InboxMessage.ReceivedAt) }
            .Select(p => entity.FindProperty(p)!).ToList();
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(store)}\""));
        var values = string.Join(", ", Enumerable.Range(0, columns.Count).Select(i => $"@inbox{i}"));
        // The same statement on both (SQLite has had it since 3.24). It skips a duplicate key only: SQLite's INSERT OR IGNORE
        // would also swallow any other constraint failure, and a message would then be taken for a duplicate and dropped.
        return new InsertStatement($"INSERT INTO \"{table}\" ({names}) VALUES ({values}) ON CONFLICT DO NOTHING",
            columns.Select(p => (p.GetRelationalTypeMapping(), p.PropertyInfo!)).ToList());
    }
}
