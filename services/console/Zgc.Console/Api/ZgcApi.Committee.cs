namespace Zgc.Console.Api;

/// <summary>The committee officer's calls: review cases, the expert pool, panels, meetings, notices and objections.</summary>
public sealed partial class ZgcApi
{
    /// <summary>Review cases, newest first; <paramref name="stage"/> narrows to one stage.</summary>
    public Task<ApiResult<List<ReviewCase>>> ListReviewCases(string? stage, CancellationToken cancellationToken) =>
        Get<List<ReviewCase>>("review/cases" + (stage is null ? "" : "?stage=" + Escape(stage)), cancellationToken);

    public Task<ApiResult<ReviewCase>> GetReviewCase(Guid applicationId, CancellationToken cancellationToken) =>
        Get<ReviewCase>($"review/cases/{applicationId}", cancellationToken);

    public Task<ApiResult<List<PoolExpert>>> ListExperts(CancellationToken cancellationToken) =>
        Get<List<PoolExpert>>("review/experts", cancellationToken);

    public Task<ApiResult<PoolExpert>> SaveExpert(ExpertRequest request, CancellationToken cancellationToken) =>
        Post<PoolExpert>("review/experts", request, cancellationToken);

    /// <summary>Draws the case's panel from the pool (the service draws with a random seed it records).</summary>
    public Task<ApiResult<ExpertPanelView>> FormPanel(Guid applicationId, CancellationToken cancellationToken) =>
        Post<ExpertPanelView>($"review/cases/{applicationId}/panel", null, cancellationToken);

    public Task<ApiResult<List<OpenPanel>>> ListOpenPanels(CancellationToken cancellationToken) =>
        Get<List<OpenPanel>>("review/panels", cancellationToken);

    public Task<ApiResult<ExpertPanelView>> GetPanel(Guid panelId, CancellationToken cancellationToken) =>
        Get<ExpertPanelView>($"review/panels/{panelId}", cancellationToken);

    public Task<ApiResult<List<MeetingView>>> ListMeetings(CancellationToken cancellationToken) =>
        Get<List<MeetingView>>("review/meetings", cancellationToken);

    public Task<ApiResult<MeetingView>> GetMeeting(Guid meetingId, CancellationToken cancellationToken) =>
        Get<MeetingView>($"review/meetings/{meetingId}", cancellationToken);

    public Task<ApiResult<MeetingView>> ScheduleMeeting(ScheduleMeetingRequest request, CancellationToken cancellationToken) =>
        Post<MeetingView>("review/meetings", request, cancellationToken);

    public Task<ApiResult<MeetingView>> DecideAgendaItem(Guid meetingId, MeetingDecisionRequest request, CancellationToken cancellationToken) =>
        Post<MeetingView>($"review/meetings/{meetingId}/decisions", request, cancellationToken);

    /// <summary>The newest 500 notices, whatever their status, and how many there are.</summary>
    public Task<ApiResult<CappedList<NoticeItem>>> ListManagedNotices(CancellationToken cancellationToken) =>
        GetCapped<NoticeItem>("notice/manage/notices", cancellationToken);

    /// <summary>
    /// The notices of these applications, asked for 50 at a time (the service takes up to 100 per request, and 50 ids keep
    /// the address well inside a request line); the first failure is the answer when a request fails.
    /// </summary>
    public async Task<ApiResult<List<NoticeItem>>> ListNoticesOf(IReadOnlyCollection<Guid> applicationIds, CancellationToken cancellationToken)
    {
        var notices = new List<NoticeItem>();
        foreach (var chunk in applicationIds.Distinct().Chunk(50))
        {
            var answer = await Get<List<NoticeItem>>("notice/manage/notices?" + QueryString.Of([.. chunk.Select(id => ("applicationId", (string?)id.ToString()))]),
                cancellationToken);
            if (answer.Value is null)
            {
                return answer;
            }

            notices.AddRange(answer.Value);
        }

        return ApiResult<List<NoticeItem>>.Ok(notices);
    }

    /// <summary>The notices still in progress (draft, open, closed with objections pending), newest first.</summary>
    public Task<ApiResult<List<NoticeItem>>> ListNoticesInProgress(CancellationToken cancellationToken) =>
        Get<List<NoticeItem>>("notice/manage/notices?status=Draft&status=Open&status=ClosedObjectionsPending", cancellationToken);

    public Task<ApiResult<ManagedNotice>> GetManagedNotice(Guid noticeId, CancellationToken cancellationToken) =>
        Get<ManagedNotice>($"notice/manage/notices/{noticeId}", cancellationToken);

    /// <summary>Publishes a drafted notice (normally the lifecycle publishes it; this is the officer's own step when it has not).</summary>
    public Task<ApiResult<NoticeItem>> PublishNotice(Guid noticeId, CancellationToken cancellationToken) =>
        Post<NoticeItem>($"notice/manage/notices/{noticeId}/publish", null, cancellationToken);

    public Task<ApiResult<Done>> InvestigateObjection(Guid noticeId, Guid objectionId, CancellationToken cancellationToken) =>
        Post<Done>($"notice/manage/notices/{noticeId}/objections/{objectionId}/investigate", null, cancellationToken);

    public Task<ApiResult<Done>> DecideObjection(Guid noticeId, Guid objectionId, ObjectionDecisionRequest request, CancellationToken cancellationToken) =>
        Post<Done>($"notice/manage/notices/{noticeId}/objections/{objectionId}/decide", request, cancellationToken);
}
