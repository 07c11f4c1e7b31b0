using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
        var entity = db.Model.FindEntityType(typeof(InboxMessage))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var table = entity.GetSchemaQualifiedTableName()!;
        var columns = new[] { nameof(InboxMessage.MessageId), nameof(InboxMessage.ConsumerId), nameof(InboxMessage.ConsumerType), nameof(InboxMessage.ReceivedAt) }
            .Select(p => entity.FindProperty(p)!).ToList();
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(store)}\""));
        // Each parameter made by its column's own type mapping, exactly as SaveChanges would write it (SQLite keeps ids as
        // upper-case text and instants as UTC ticks; PostgreSQL uuid and UTC timestamptz).
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = columns.Select((p, i) => (object)p.GetRelationalTypeMapping().CreateParameter(factory, $"@inbox{i}", p.PropertyInfo!.GetValue(row))).ToArray();
        var values = string.Join(", ", Enumerable.Range(0, columns.Count).Select(i => $"@inbox{i}"));
        // The same statement on both (SQLite has had it since 3.24). It skips a duplicate key only: SQLite's INSERT OR IGNORE
        // would also swallow any other constraint failure, and a message would then be taken for a duplicate and dropped.
        var insert = $"INSERT INTO \"{table}\" ({names}) VALUES ({values}) ON CONFLICT DO NOTHING";
        // Only identifiers from the EF model are concatenated; the values are parameters.
#pragma warning disable EF1002
        return db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken);
#pragma warning restore EF1002
    }
}
