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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(x => x.SequenceNumber);
            e.Property(x => x.SequenceNumber).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.DeliveredAt, x.DueTime, x.SequenceNumber });
            e.HasIndex(x => x.ScheduleTokenId);
            e.HasIndex(x => x.MessageId);
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
