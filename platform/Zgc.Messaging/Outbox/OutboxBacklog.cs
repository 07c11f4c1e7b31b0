using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Faults;

namespace Zgc.Messaging.Outbox;

/// <summary>How far behind a service's messaging is: what operators and alerts look at first.</summary>
public sealed record OutboxBacklogSnapshot(
    string Service, int MessagesPending, double OldestPendingAgeSeconds, int TimersPending, DateTimeOffset? NextTimerDue, int FaultsOpen,
    DateTimeOffset MeasuredAt);

/// <summary>
/// Backlog figures per service, measured by each delivery worker, published as OpenTelemetry gauges
/// (meter <c>Zgc.Messaging</c>): <c>zgc.outbox.pending</c>, <c>zgc.outbox.oldest_pending_age</c>,
/// <c>zgc.timers.pending</c>, <c>zgc.faults.open</c>, each tagged with the service.
/// </summary>
public static class OutboxBacklog
{
    public const string MeterName = "Zgc.Messaging";

    private static readonly ConcurrentDictionary<string, OutboxBacklogSnapshot> Latest = new();
    private static readonly Meter Meter = new(MeterName);

    static OutboxBacklog()
    {
        Meter.CreateObservableGauge("zgc.outbox.pending", () => Measurements(s => s.MessagesPending), "{message}",
            "Outbox messages due and not yet delivered");
        Meter.CreateObservableGauge("zgc.outbox.oldest_pending_age", () => Measurements(s => s.OldestPendingAgeSeconds), "s",
            "Age of the oldest due, undelivered outbox message");
        Meter.CreateObservableGauge("zgc.timers.pending", () => Measurements(s => s.TimersPending), "{timer}", "Scheduled messages not yet due");
        Meter.CreateObservableGauge("zgc.faults.open", () => Measurements(s => s.FaultsOpen), "{message}", "Faulted messages awaiting an operator");
    }

    public static async Task<OutboxBacklogSnapshot> Measure(DbContext db, string service, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var undelivered = db.Set<OutboxMessage>().AsNoTracking().Where(x => x.DeliveredAt == null);
        var due = undelivered.Where(x => x.DueTime <= now);
        var pending = await due.CountAsync(cancellationToken);
        // The earliest due time is the oldest wait (a timer written long ago but due today has not waited long), and it is
        // the first entry of the (delivered, due, sequence) index; ordering by sequence sorted every due row each time.
        var oldest = pending == 0 ? (DateTimeOffset?)null : await due.OrderBy(x => x.DueTime).Select(x => (DateTimeOffset?)x.DueTime).FirstOrDefaultAsync(cancellationToken);
        var timers = undelivered.Where(x => x.DueTime > now);
        var timerCount = await timers.CountAsync(cancellationToken);
        var nextTimer = timerCount == 0 ? null : await timers.OrderBy(x => x.DueTime).Select(x => (DateTimeOffset?)x.DueTime).FirstOrDefaultAsync(cancellationToken);
        var faults = await db.Set<FaultedMessage>().CountAsync(f => f.Status == FaultStatus.Faulted, cancellationToken);
        var snapshot = new OutboxBacklogSnapshot(service, pending, oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds),
            timerCount, nextTimer, faults, now);
        Latest[service] = snapshot;
        return snapshot;
    }

    private static IEnumerable<Measurement<T>> Measurements<T>(Func<OutboxBacklogSnapshot, T> value) where T : struct =>
        Latest.Values.Select(s => new Measurement<T>(value(s), new KeyValuePair<string, object?>("service", s.Service)));
}
