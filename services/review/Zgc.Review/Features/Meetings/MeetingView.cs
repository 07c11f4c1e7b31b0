using Zgc.Review.Domain;

namespace Zgc.Review.Features.Meetings;

public sealed record MeetingView(Guid Id, DateOnly Date, string Title, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<AgendaItemView> Agenda)
{
    public static MeetingView From(Meeting m, IReadOnlyDictionary<Guid, ReviewCase> cases) => new(m.Id, m.Date, m.Title, m.CreatedBy, m.CreatedAt,
        [.. m.Agenda.OrderBy(i => i.Position).Select(i => AgendaItemView.From(i, cases.GetValueOrDefault(i.ApplicationId)))]);
}

/// <summary>One agenda line; Outcome is <c>Pending</c>, <c>Approved</c>, <c>Rejected</c> or <c>Deferred</c>.</summary>
public sealed record AgendaItemView(
    int Position, Guid ApplicationId, string? UnitName, string? PlatformName, string Outcome, Guid? CarriedFromMeetingId, string? MinutesReference,
    string? Reason, bool EspeciallyMajor, string? MunicipalDecisionReference, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static AgendaItemView From(AgendaItem i, ReviewCase? c)
    {
        var major = i.Outcome == MeetingOutcome.Approved && c is { EspeciallyMajor: true };
        return new(i.Position, i.ApplicationId, c?.UnitName, c?.PlatformName, i.Outcome.ToString(), i.CarriedFromMeetingId, i.MinutesReference, i.Reason,
            major, major ? c!.MunicipalDecisionReference : null, i.DecidedBy, i.DecidedAt);
    }
}
