namespace Zgc.Console.Api;

/// <summary>A review case (<c>GET /review/cases</c>); Stage is UnderReview, ExpertReview, Supported, NotSupported, Approved or Rejected.</summary>
public sealed record ReviewCase(
    Guid ApplicationId, string UnitUscc, string UnitName, string PlatformName, string IndustryField, string SubPark, string Stage,
    DateTimeOffset OpenedAt, bool EspeciallyMajor, string? DecisionReason, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? SubArea, List<string>? IntegratedEnterpriseUsccs, int? SubParkRanking, long TotalInvestmentFen, long SupportBaseFen,
    Guid? AgendaMeetingId, Guid? DecidedAtMeetingId, string? MinutesReference, string? MunicipalDecisionReference)
{
    /// <summary>Supported by its panel and on no meeting's agenda yet.</summary>
    public bool AwaitsMeeting => Stage == "Supported" && AgendaMeetingId is null;
}

/// <summary>An expert of the pool (<c>GET /review/experts</c>).</summary>
public sealed record PoolExpert(
    string UserId, string Name, string EmployerName, string EmployerUscc, string Title, List<string> Fields, List<string>? SubAreas,
    List<string>? DeclaredConflictUsccs, bool Active, DateTimeOffset UpdatedAt);

/// <summary>Body of <c>POST /review/experts</c> (adds or replaces, keyed by user id).</summary>
public sealed record ExpertRequest(string? UserId, string? Name, string? EmployerName, string? EmployerUscc, string? Title, List<string> Fields, bool Active = true);

/// <summary>A panel (<c>GET /review/panels/{id}</c>); scores appear only once it is closed.</summary>
public sealed record ExpertPanelView(
    Guid Id, Guid ApplicationId, string Status, int Size, int Quorum, long Seed, string PoolTier, int PoolSize, string PolicyVersion,
    DateTimeOffset FormedAt, string FormedBy, List<PanelMember> Members, PanelResult? Result);

public sealed record PanelMember(
    string ExpertUserId, string Status, string JoinedBy, DateTimeOffset? DeclaredAt, DateTimeOffset? SubmittedAt, string? DeclineReason,
    bool ConflictDeclared, Dictionary<string, decimal>? Scores, string? Comment, bool? Support, decimal? Total, decimal? Deviation, bool Outlier);

public sealed record PanelResult(
    bool Supported, decimal TrimmedMean, decimal Mean, decimal Spread, int SupportVotes, int ScoresReceived,
    Dictionary<string, decimal> CriterionMeans, DateTimeOffset ClosedAt, string ClosedBy);

/// <summary>An open panel and whom it waits on (<c>GET /review/panels</c>).</summary>
public sealed record OpenPanel(Guid PanelId, Guid ApplicationId, DateTimeOffset FormedAt, int Submitted, int Seated, int Quorum,
    List<string> AwaitingDeclaration, List<string> AwaitingScore);

/// <summary>A director office meeting (<c>GET /review/meetings</c>).</summary>
public sealed record MeetingView(Guid Id, DateOnly Date, string Title, string CreatedBy, DateTimeOffset CreatedAt, List<AgendaItem> Agenda)
{
    public int Undecided => Agenda.Count(i => i.Outcome == "Pending");
}

/// <summary>One agenda line; Outcome is Pending, Approved, Rejected or Deferred.</summary>
public sealed record AgendaItem(
    int Position, Guid ApplicationId, string? UnitName, string? PlatformName, string Outcome, Guid? CarriedFromMeetingId, string? MinutesReference,
    string? Reason, bool EspeciallyMajor, string? MunicipalDecisionReference, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>Body of <c>POST /review/meetings</c>.</summary>
public sealed record ScheduleMeetingRequest(DateOnly? Date, string? Title, List<Guid> ApplicationIds);

/// <summary>Body of <c>POST /review/meetings/{id}/decisions</c>; Outcome is approve, reject or defer.</summary>
public sealed record MeetingDecisionRequest(Guid ApplicationId, string? Outcome, string? MinutesReference, string? Reason, bool EspeciallyMajor,
    string? MunicipalDecisionReference);

/// <summary>A public notice (<c>GET /notice/manage/notices</c>); Status is Draft, Open, ClosedObjectionsPending, Passed, Failed or Withdrawn.</summary>
public sealed record NoticeItem(
    Guid Id, Guid ApplicationId, string PlatformName, string UnitName, string? IndustryField, string? SubPark, string? ConstructionSummary,
    string ObjectionChannel, string Status, DateOnly? StartsOn, DateOnly? EndsOn, DateTimeOffset? ClosesAt, DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt, string? OutcomeReason, DateTimeOffset? DecidedAt, DateTimeOffset? ExtendedAt)
{
    /// <summary>Still running: drafted, public, or closed with objections under investigation.</summary>
    public bool InProgress => Status is "Draft" or "Open" or "ClosedObjectionsPending";
}

/// <summary>An objection to a notice; Status is Received, Investigating, Upheld or Dismissed.</summary>
public sealed record NoticeObjection(
    Guid Id, Guid NoticeId, string ReceiptNumber, string ObjectorName, string? Telephone, string? Organisation, string Reasons,
    DateTimeOffset SubmittedAt, string Status, string? Finding, string? HandledBy, DateTimeOffset? UpdatedAt)
{
    public bool Open => Status is "Received" or "Investigating";
}

/// <summary><c>GET /notice/manage/notices/{id}</c>: the notice and its objections.</summary>
public sealed record ManagedNotice(NoticeItem Notice, List<NoticeObjection> Objections);

/// <summary>Body of <c>POST …/objections/{id}/decide</c>.</summary>
public sealed record ObjectionDecisionRequest(bool Upheld, string? Finding);
