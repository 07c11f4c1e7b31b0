using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Faults;
using Zgc.Messaging.Inbox;
using Zgc.Messaging.Outbox;
using Zgc.Persistence;

namespace Zgc.Messaging;

/// <summary>
/// Base of every service's DbContext: maps the outbox and inbox tables next to the service's own tables,
/// so a state change and the messages it causes commit together.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<FaultedMessage> FaultedMessages => Set<FaultedMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            ProviderConventions.ApplySqlite(configurationBuilder);
        }
        else if (Database.IsNpgsql())
        {
            ProviderConventions.ApplyPostgres(configurationBuilder);
        }
    }

    /// <summary>A column name as the provider's SQL writes it, for index filters.</summary>
    private string Quote(string column) => Database.IsSqlServer() ? $"[{column}]" : $"\"{column}\"";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(x => x.SequenceNumber);
            e.Property(x => x.SequenceNumber).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.DeliveredAt, x.DueTime, x.SequenceNumber });
            // Partial indexes over the pending rows only, each in the order one walk reads it (docs/performance.md, fix 29).
            // With 10,000 timers overdue at once, the claim's walk for messages and the sweeps' walk for timers each passed
            // over every row of the other kind, and the order check (pending rows of the round's conversations) read every
            // pending row to find its few; PostgreSQL spent more CPU on that than the service did on delivering. A row leaves
            // these indexes' reach when it is delivered, so they stay as small as the backlog.
            var pending = $"{Quote(nameof(OutboxMessage.DeliveredAt))} IS NULL";
            var token = Quote(nameof(OutboxMessage.ScheduleTokenId));
            e.HasIndex(x => new { x.DueTime, x.SequenceNumber }, "IX_OutboxMessages_PendingMessages").HasFilter($"{pending} AND {token} IS NULL");
            e.HasIndex(x => new { x.DueTime, x.SequenceNumber }, "IX_OutboxMessages_PendingTimers").HasFilter($"{pending} AND {token} IS NOT NULL");
            e.HasIndex(x => new { x.ConversationId, x.DueTime, x.SequenceNumber }, "IX_OutboxMessages_PendingByConversation").HasFilter(pending);
            // Timers only: cancelling looks a timer up by its token, and a message without one has nothing to find there. No
            // index on the message id: nothing looks a row up by it, and every index is written again when a row is marked
            // delivered (fix 31).
            e.HasIndex(x => x.ScheduleTokenId).HasFilter($"{token} IS NOT NULL");
            e.Property(x => x.DestinationAddress).HasMaxLength(512);
            e.Property(x => x.ContentType).HasMaxLength(128);
            e.Property(x => x.MessageType).HasMaxLength(1024);
            e.Property(x => x.SourceAddress).HasMaxLength(512);
            e.Property(x => x.ResponseAddress).HasMaxLength(512);
            e.Property(x => x.FaultAddress).HasMaxLength(512);
            e.Property(x => x.LastError).HasMaxLength(2000);
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("InboxMessages");
            e.HasKey(x => new { x.MessageId, x.ConsumerId });
            e.Property(x => x.ConsumerType).HasMaxLength(256);
            e.HasIndex(x => x.ReceivedAt);
        });
        modelBuilder.Entity<FaultedMessage>(e =>
        {
            e.ToTable("FaultedMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Endpoint).HasMaxLength(256);
            e.Property(x => x.MessageType).HasMaxLength(1024);
            e.Property(x => x.ContentType).HasMaxLength(128);
            e.Property(x => x.ExceptionType).HasMaxLength(512);
            e.Property(x => x.ExceptionMessage).HasMaxLength(2000);
            e.Property(x => x.StackTrace).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.HandledBy).HasMaxLength(128);
            e.HasIndex(x => new { x.Status, x.FaultedAt });
        });
    }
}
