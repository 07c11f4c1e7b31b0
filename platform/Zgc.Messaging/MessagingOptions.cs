namespace Zgc.Messaging;

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>The <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>InMemory (standalone host, in-process tests) or RabbitMq (distributed).</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>RabbitMQ address, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public string RabbitMq { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>
    /// How often the delivery worker looks for due outbox rows when nothing wakes it. A commit of this process that wrote
    /// outbox rows wakes it at once (OutboxCommitSignal); the poll finds the rest: other replicas' rows, timers falling due.
    /// </summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A pause after a round that delivered some rows but not a full batch, before the worker waits for the next commit
    /// (or <see cref="OutboxPollInterval"/>). Zero: no pause (lowest latency); a few milliseconds caps the rate of small
    /// claim transactions on a host short of CPU. After a full round the worker goes again at once.
    /// </summary>
    public TimeSpan OutboxBusyPollInterval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Rows claimed per delivery round in due order; besides them a round claims up to as many due messages that are not
    /// timers, so a backlog of overdue timers cannot hold back new messages (ADR 0003). A round claims only what is due,
    /// so the size matters for backlogs alone: a round's claim, commit and wait for the broker's confirms cost about the
    /// same for 100 rows as for 250, and 10,000 notice results drained in rounds of 250 reached the bench ~0.3 s sooner
    /// (p99) than in rounds of 100 (docs/performance.md, fix 61). 1 to <see cref="MaxOutboxBatchSize"/>.
    /// </summary>
    public int OutboxBatchSize { get; set; } = 250;

    /// <summary>The largest <see cref="OutboxBatchSize"/> accepted: a round holds its transaction and its rows in memory until all are confirmed.</summary>
    public const int MaxOutboxBatchSize = 5_000;

    /// <summary>
    /// Conversations a delivery round sends side by side. The rows of one conversation — which include all rows of one
    /// producing transaction — are always sent one after the other in (due time, sequence) order, each after the previous
    /// one's publisher confirm (ADR 0003); unrelated conversations overlap their confirms. 1 sends every row strictly in
    /// that order. At most <see cref="MaxOutboxSendConcurrency"/> (below RabbitMQ.Client's confirm throttling).
    /// </summary>
    public int OutboxSendConcurrency { get; set; } = 16;

    /// <summary>The largest <see cref="OutboxSendConcurrency"/> accepted.</summary>
    public const int MaxOutboxSendConcurrency = 64;

    /// <summary>
    /// On RabbitMQ, publish each delivery round's rows back to back, in order, on the outbox's own channel and wait for
    /// their publisher confirms together (the order on one channel is kept by the broker), instead of one MassTransit send
    /// per row each waiting for its confirm. The first row per destination still goes through MassTransit, which declares the
    /// topology. Off sends every row through MassTransit. Ignored on the in-memory transport.
    /// </summary>
    public bool OutboxDirectPublish { get; set; } = true;

    /// <summary>
    /// Messages each receive endpoint fetches from RabbitMQ ahead of handling; with <see cref="ConcurrentMessageLimit"/>
    /// it bounds how many consumer transactions run at once. Null keeps MassTransit's default.
    /// </summary>
    public int? PrefetchCount { get; set; }

    /// <summary>Messages each receive endpoint handles at once. Null keeps MassTransit's default (the prefetch count).</summary>
    public int? ConcurrentMessageLimit { get; set; }

    /// <summary>A single broker send that takes longer than this is abandoned and retried later.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delivered outbox rows are kept this long (for operators), then removed.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows (ids of handled messages) are kept this long; a duplicate older than that is not detected.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Fault injection for tests only: exit the process right after any consumer's transaction commits (before anything it produced is delivered).</summary>
    public bool CrashAfterOutboxCommit { get; set; }
}
