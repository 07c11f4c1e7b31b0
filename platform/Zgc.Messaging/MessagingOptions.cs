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

    /// <summary>How often the delivery worker looks for due outbox rows when idle.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rows claimed per delivery round.</summary>
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>A single broker send that takes longer than this is abandoned and retried later.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delivered outbox rows are kept this long (for operators), then removed.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows (ids of handled messages) are kept this long; a duplicate older than that is not detected.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Fault injection for tests only: exit the process right after a transaction that wrote outbox rows commits.</summary>
    public bool CrashAfterOutboxCommit { get; set; }
}
