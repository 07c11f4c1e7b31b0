using Zgc.Console.Api;

namespace Zgc.Console.Components.CommitteePages;

/// <summary>
/// What the committee inbox shows, gathered from review, notice and funding in parallel; each source's failure is kept
/// beside its blocks so one unreachable service does not empty the page.
/// </summary>
public sealed class CommitteeInboxData
{
    public List<ReviewCase>? AllCases { get; set; }

    public List<ReviewCase>? AwaitingPanel { get; set; }

    public List<ReviewCase>? AwaitingMeeting { get; set; }

    public ApiError? CasesError { get; set; }

    public List<OpenPanel>? Panels { get; set; }

    public ApiError? PanelsError { get; set; }

    public List<MeetingView>? Meetings { get; set; }

    public ApiError? MeetingsError { get; set; }

    public List<NoticeItem>? Notices { get; set; }

    public List<ObjectionLine>? Objections { get; set; }

    public ApiError? NoticesError { get; set; }

    public List<AgreementRow>? Agreements { get; set; }

    public ApiError? AgreementsError { get; set; }

    /// <summary>
    /// The review stages the inbox acts on: cases waiting for a panel, with a panel (for the panels' names) and supported
    /// but not yet on an agenda. Each is asked for by its stage — the services answer a capped list newest first, so the
    /// newest cases of every stage ever would crowd out the ones waiting once the programme has run a few years — and so
    /// are the notices in progress and the draft agreements.
    /// </summary>
    private static readonly string[] ActiveStages = ["UnderReview", "ExpertReview", "Supported"];

    public static async Task<CommitteeInboxData> Load(ZgcApi api, CancellationToken cancellationToken)
    {
        var cases = ActiveStages.Select(stage => api.ListReviewCases(stage, cancellationToken)).ToList();
        var panels = api.ListOpenPanels(cancellationToken);
        var meetings = api.ListMeetings(cancellationToken);
        var notices = api.ListNoticesInProgress(cancellationToken);
        var agreements = api.ListAgreements(cancellationToken, status: "Draft");
        var data = new CommitteeInboxData();

        var byStage = await Task.WhenAll(cases);
        data.CasesError = byStage.Select(c => c.Error).FirstOrDefault(e => e is not null);
        data.AllCases = data.CasesError is null ? [.. byStage.SelectMany(c => c.Value!)] : null;
        data.AwaitingPanel = data.AllCases?.Where(x => x.Stage == "UnderReview").OrderBy(x => x.OpenedAt).ToList();
        data.AwaitingMeeting = data.AllCases?.Where(x => x.AwaitsMeeting).OrderBy(x => x.OpenedAt).ToList();

        var p = await panels;
        data.PanelsError = p.Error;
        data.Panels = p.Value;

        var m = await meetings;
        data.MeetingsError = m.Error;
        data.Meetings = m.Value?.Where(x => x.Undecided > 0).OrderBy(x => x.Date).ToList();

        var n = await notices;
        data.NoticesError = n.Error;
        data.Notices = n.Value?.Where(x => x.InProgress).ToList();
        if (data.Notices is not null)
        {
            // Objections come with one notice at a time; only notices that can still have open objections are asked.
            var objections = new List<ObjectionLine>();
            foreach (var notice in data.Notices.Where(x => x.Status is "Open" or "ClosedObjectionsPending"))
            {
                var managed = await api.GetManagedNotice(notice.Id, cancellationToken);
                objections.AddRange((managed.Value?.Objections ?? []).Where(o => o.Open).Select(o => new ObjectionLine(notice, o)));
            }

            data.Objections = objections;
        }

        var a = await agreements;
        data.AgreementsError = a.Error;
        data.Agreements = a.Value?.Rows;
        return data;
    }
}

/// <summary>An objection still to handle, with its notice.</summary>
public sealed record ObjectionLine(NoticeItem Notice, NoticeObjection Objection);
