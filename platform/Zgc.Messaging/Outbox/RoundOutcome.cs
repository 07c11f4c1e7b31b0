using Microsoft.EntityFrameworkCore;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// What a delivery round did with its rows, written back in the round's transaction. The delivered rows are marked by one
/// statement (<c>UPDATE … WHERE sequence IN (…)</c>) rather than one tracked update each: a round of 100 was 100 updates
/// through EF's change tracker and save pipeline, a large share of the delivery worker's CPU while 10,000 timer results
/// drained (docs/performance.md, fix 29). Lanes may report from several threads at once.
/// </summary>
internal sealed class RoundOutcome
{
    private readonly Lock _lock = new();
    private readonly List<long> _delivered = [];
    private readonly List<(OutboxMessage Row, string Error)> _failed = [];

    public void Delivered(OutboxMessage row)
    {
        lock (_lock)
        {
            _delivered.Add(row.SequenceNumber);
        }
    }

    public void Failed(OutboxMessage row, string error)
    {
        lock (_lock)
        {
            _failed.Add((row, error));
        }
    }

    public async Task Save(DbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_delivered.Count > 0)
        {
            var delivered = _delivered;
            await db.Set<OutboxMessage>().Where(x => delivered.Contains(x.SequenceNumber))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeliveredAt, now).SetProperty(x => x.DeliveryAttempts, x => x.DeliveryAttempts + 1),
                    cancellationToken);
        }

        foreach (var (row, error) in _failed)
        {
            var attempts = row.DeliveryAttempts + 1;
            await db.Set<OutboxMessage>().Where(x => x.SequenceNumber == row.SequenceNumber)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeliveryAttempts, attempts).SetProperty(x => x.LastError, error), cancellationToken);
        }
    }
}
