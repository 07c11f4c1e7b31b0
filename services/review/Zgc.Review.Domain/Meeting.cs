using Zgc.SharedKernel;

namespace Zgc.Review.Domain;

public enum MeetingOutcome
{
    Pending,
    Approved,
    Rejected,

    /// <summary>Put off to a later meeting: the case is carried to the next meeting's agenda.</summary>
    Deferred,
}

/// <summary>A director office meeting (主任办公会) of the committee, with its date and agenda (R-A13-MEETING).</summary>
public sealed class Meeting
{
    private Meeting()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The meeting's date (Beijing); decisions are recorded from that day on.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>E.g. 2026年第9次主任办公会.</summary>
    public string Title { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public List<AgendaItem> Agenda { get; private set; } = [];

    public int Version { get; private set; }

    public static Meeting Schedule(DateOnly date, string title, string by, DateTimeOffset now)
    {
        var text = title?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            throw new RuleViolationException("title", Rules.Meeting, "A meeting needs a title of at most 200 characters.", "会议名称为必填项，且不超过200个字符。");
        }

        return new Meeting { Id = Guid.NewGuid(), Date = date, Title = text, CreatedBy = by, CreatedAt = now };
    }

    /// <summary>Puts a supported case on the agenda; <paramref name="carriedFrom"/> is the meeting that deferred it.</summary>
    public AgendaItem Add(ReviewCase reviewCase, Guid? carriedFrom, DateTimeOffset now)
    {
        reviewCase.PlaceOnAgenda(Id);
        var item = AgendaItem.For(Id, reviewCase.ApplicationId, Agenda.Count + 1, carriedFrom, now);
        Agenda.Add(item);
        Version++;
        return item;
    }

    public AgendaItem Item(Guid applicationId) =>
        Agenda.SingleOrDefault(i => i.ApplicationId == applicationId && i.Outcome == MeetingOutcome.Pending)
        ?? throw new RuleViolationException("applicationId", Rules.Meeting, "The case is not on this meeting's agenda (or was already decided there).",
            "该申请未列入本次会议议程，或已作出决定。", RuleViolationException.ConflictStatus);

    /// <summary>Records the meeting's decision on one agenda item and on the case; deferral leaves the case waiting.</summary>
    public AgendaItem Decide(ReviewCase reviewCase, MeetingDecision decision, string by, DateTimeOffset now)
    {
        if (BeijingTime.DateOf(now) < Date)
        {
            throw new RuleViolationException("meetingId", Rules.Meeting, $"The meeting is on {Date:yyyy-MM-dd}; its decisions are recorded from that day.",
                $"会议日期为{Date:yyyy-MM-dd}，会议决定自当日起方可录入。", RuleViolationException.ConflictStatus);
        }

        var item = Item(reviewCase.ApplicationId);
        var minutes = decision.MinutesReference?.Trim();
        if (string.IsNullOrEmpty(minutes) || minutes.Length > 200)
        {
            throw new RuleViolationException("minutesReference", Rules.Meeting, "Give the reference of the meeting minutes (at most 200 characters).",
                "请填写会议纪要编号（不超过200个字符）。");
        }

        switch (decision.Outcome)
        {
            case MeetingOutcome.Approved or MeetingOutcome.Rejected:
                reviewCase.RecordMeetingDecision(Id, decision.Outcome, decision.EspeciallyMajor, decision.MunicipalDecisionReference, minutes, decision.Reason, by, now);
                break;
            case MeetingOutcome.Deferred:
                if (string.IsNullOrWhiteSpace(decision.Reason))
                {
                    throw new RuleViolationException("reason", Rules.Meeting, "A deferral must give its reason.", "暂缓审议须说明理由。");
                }

                if (decision.EspeciallyMajor)
                {
                    throw new RuleViolationException("especiallyMajor", Rules.Major, "Only an approved platform can be especially major.", "只有审议通过的平台才能认定为特别重大。");
                }

                reviewCase.Defer(Id);
                break;
            default:
                throw new RuleViolationException("outcome", Rules.Meeting, "The outcome is approve, reject or defer.", "会议决定须为通过、不予通过或暂缓审议。");
        }

        item.Record(decision.Outcome, minutes, decision.Reason, by, now);
        Version++;
        return item;
    }
}

/// <summary>What the meeting decided on one case.</summary>
public sealed record MeetingDecision(MeetingOutcome Outcome, string? MinutesReference, string? Reason, bool EspeciallyMajor = false,
    string? MunicipalDecisionReference = null);

/// <summary>One case on one meeting's agenda and what the meeting decided on it.</summary>
public sealed class AgendaItem
{
    private AgendaItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int Position { get; private set; }

    /// <summary>The earlier meeting that deferred the case to this one.</summary>
    public Guid? CarriedFromMeetingId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public MeetingOutcome Outcome { get; private set; }

    public string? MinutesReference { get; private set; }

    public string? Reason { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    internal static AgendaItem For(Guid meetingId, Guid applicationId, int position, Guid? carriedFrom, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        MeetingId = meetingId,
        ApplicationId = applicationId,
        Position = position,
        CarriedFromMeetingId = carriedFrom,
        AddedAt = now,
        Outcome = MeetingOutcome.Pending,
    };

    internal void Record(MeetingOutcome outcome, string minutes, string? reason, string by, DateTimeOffset now)
    {
        Outcome = outcome;
        MinutesReference = minutes;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedBy = by;
        DecidedAt = now;
    }
}
