using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// Where a delivery round's time goes, for the rounds that claimed something (meter <c>Zgc.Messaging</c>):
/// <c>zgc.outbox.round.duration</c> in milliseconds, tagged <c>phase</c> — <c>claim</c>, <c>lanes</c> (the order check),
/// <c>send</c> (every lane to its last confirm) and <c>commit</c> (marking the rows and committing) — and
/// <c>zgc.outbox.round.sent</c>, the rows a round sent; and <c>zgc.outbox.rounds</c>, every round counted by
/// <c>outcome</c> (<c>empty</c> or <c>sent</c>), how much of the worker's effort is looking for nothing. A round is
/// serial: while one runs, nothing else is claimed, so these say which part bounds delivery (docs/performance.md, "What is left"). Read live with
/// <c>dotnet-counters monitor -p PID --counters Zgc.Messaging</c>.
/// </summary>
internal static class DeliveryRoundMetrics
{
    private static readonly Meter Meter = new(OutboxBacklog.MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("zgc.outbox.round.duration", "ms",
        "Time a delivery round spent in each phase");
    private static readonly Histogram<int> Sent = Meter.CreateHistogram<int>("zgc.outbox.round.sent", "{message}",
        "Rows a delivery round sent");

    private static readonly Counter<long> DeliveredRows = Meter.CreateCounter<long>("zgc.outbox.delivered", "{message}",
        "Rows delivered to the transport, by path: direct (published on the outbox's own RabbitMQ channel) or bus (MassTransit's send)");

    private static readonly Counter<long> Rounds = Meter.CreateCounter<long>("zgc.outbox.rounds", "{round}",
        "Delivery rounds, by outcome: empty (claimed nothing) or sent");

    public static void Claimed(int rows) => Rounds.Add(1, new KeyValuePair<string, object?>("outcome", rows == 0 ? "empty" : "sent"));

    public static void Delivered(int rows, bool direct)
    {
        if (rows > 0)
        {
            DeliveredRows.Add(rows, new KeyValuePair<string, object?>("path", direct ? "direct" : "bus"));
        }
    }

    public static void Phase(string phase, long startedAt) =>
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, new KeyValuePair<string, object?>("phase", phase));

    public static void Round(int sent) => Sent.Record(sent);
}
