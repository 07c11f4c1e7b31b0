using Zgc.SharedKernel;

namespace Zgc.Monitoring.Domain.Management;

public enum RectificationStatus
{
    Open,
    Completed,
    Overdue,
}

/// <summary>A rectification order (整改) with a deadline (R-A14-EVAL dynamic management); its durable timer marks it overdue.</summary>
public sealed class RectificationOrder
{
    private RectificationOrder()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Requirements { get; private set; } = "";

    /// <summary>The last day (Beijing) to complete; overdue from 24:00 of it.</summary>
    public DateOnly Deadline { get; private set; }

    public RectificationStatus Status { get; private set; }

    public string OrderedBy { get; private set; } = "";

    public DateTimeOffset OrderedAt { get; private set; }

    public DateTimeOffset? OverdueAt { get; private set; }

    public string? CompletionNote { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    public DateTimeOffset DueAt => BeijingTime.EndOfDay(Deadline);

    public static RectificationOrder Order(Guid applicationId, string? requirements, DateOnly deadline, string by, DateTimeOffset now)
    {
        if (deadline < BeijingTime.DateOf(now))
        {
            throw Rules.Invalid("deadline", MonitoredPlatform.ManagementRule, "The deadline is in the past.", "整改期限不能早于今天。");
        }

        return new RectificationOrder
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            Requirements = Rules.Text(requirements, "requirements", MonitoredPlatform.ManagementRule, 4000, "整改要求"),
            Deadline = deadline,
            Status = RectificationStatus.Open,
            OrderedBy = by,
            OrderedAt = now,
        };
    }

    public bool MarkOverdue(DateTimeOffset now)
    {
        if (Status != RectificationStatus.Open || now < DueAt)
        {
            return false;
        }

        Status = RectificationStatus.Overdue;
        OverdueAt = now;
        return true;
    }

    /// <summary>The officer records that the rectification is done (also after the deadline, which stays on record).</summary>
    public void Complete(string? note, string by, DateTimeOffset now)
    {
        if (Status == RectificationStatus.Completed)
        {
            throw Rules.Conflict(MonitoredPlatform.ManagementRule, Status.ToString(), "The rectification is already completed.", "该整改已完成。");
        }

        CompletionNote = Rules.Text(note, "note", MonitoredPlatform.ManagementRule, 4000, "整改完成情况");
        Status = RectificationStatus.Completed;
        CompletedAt = now;
        CompletedBy = by;
    }
}
