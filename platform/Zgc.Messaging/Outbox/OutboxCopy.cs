using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// Writes the outbox rows a unit of work has added, in its open transaction, with one binary <c>COPY</c> on PostgreSQL
/// instead of EF's save pipeline (an <c>INSERT</c> with ~20 parameters per row, built, sent and read back row by row): for a
/// close sweep's hundred results that pipeline was the larger part of the sweep's CPU (docs/performance.md, fix 30). The
/// rows get their sequence numbers from the table's identity in the order they were added, as EF's insert gives them, so
/// delivery order is unchanged; once written they are no longer tracked. Every column is written through its EF type
/// mapping and value converter, as EF would write it. Other providers save through EF.
/// </summary>
internal static class OutboxCopy
{
    public static async Task WriteAdded(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // The rows must commit with the caller's changes, or not at all.
            throw new InvalidOperationException("Outbox rows are written in the caller's transaction; begin one first.");
        }

        var added = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (!db.Database.IsNpgsql())
        {
            await db.SaveChangesAsync(cancellationToken);
            Forget(db, added);
            return;
        }

        if (added.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.Name != nameof(OutboxMessage.SequenceNumber)).Select(p => new Column(p, store)).ToList();
        var copy = $"COPY \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in added)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    var value = column.Read(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, column.Type, cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        Forget(db, added);
    }

    private static void Forget(DbContext db, List<OutboxMessage> rows)
    {
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private sealed class Column(IProperty property, StoreObjectIdentifier store)
    {
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = property.GetTypeMapping().Converter;

        public string Name { get; } = property.GetColumnName(store)!;

        /// <summary>The column's store type without its facets ("character varying(512)" → "character varying"), as Npgsql names types.</summary>
        public string Type { get; } = property.GetColumnType().Split('(')[0].Trim();

        public object? Read(OutboxMessage row)
        {
            var value = property.PropertyInfo!.GetValue(row);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
