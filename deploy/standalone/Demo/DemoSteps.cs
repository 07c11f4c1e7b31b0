using System.Globalization;
using System.Text.Json;
using Zgc.SharedKernel;

namespace Zgc.Standalone.Demo;

/// <summary>
/// The seeder's steps, each over a batch of applications and each through the owning service's API as the actor the
/// policy names. Waits are per batch (each poll round looks at every application of the batch), so a step costs one
/// message round trip, not one per application.
/// </summary>
public sealed partial class DemoSeeder
{
    private readonly Dictionary<int, Guid> _ids = [];
    private readonly Dictionary<int, JsonElement> _notices = [];
    private readonly Dictionary<int, int> _meetingsPerYear = [];
    private readonly Dictionary<int, long> _paid = [];
    private int _payments;

    private Guid Id(DemoApplication a) => _ids[a.Index];

    /// <summary>09:00 Beijing of <paramref name="date"/>, or of the Monday after when it falls on a weekend.</summary>
    internal static DateTimeOffset WorkingMorning(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return BeijingTime.StartOfDay(date).AddHours(9);
    }

    private async Task<DateOnly> Today() => BeijingTime.DateOf(await api.Now());

    // ── intake ──────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The applicants write their applications (drafts).</summary>
    private async Task Create(IEnumerable<DemoApplication> applications)
    {
        var today = await Today();
        foreach (var a in applications)
        {
            var created = await api.Post(api.Applicant(a.Unit), "/intake/applications", DemoPayloads.Application(a, today));
            _ids[a.Index] = created.GetProperty("id").GetGuid();
        }
    }

    /// <summary>The applicants submit with the truthfulness commitment; intake screens each (R-A7-*).</summary>
    private async Task Submit(IEnumerable<DemoApplication> applications)
    {
        foreach (var a in applications)
        {
            var submitted = await api.Post(api.Applicant(a.Unit), $"/intake/applications/{Id(a)}/submit", DemoPayloads.Submit());
            var expected = a.Stage == DemoStage.Ineligible ? "Ineligible" : "Submitted";
            var status = submitted.GetProperty("status").GetString();
            if (status != expected)
            {
                throw new InvalidOperationException($"[demo] {a.PlatformName} was screened {status}, not {expected}: {submitted}");
            }
        }
    }

    /// <summary>The sub-park officers accept, review and recommend, ranking their sub-park's applications in plan order.</summary>
    private async Task Recommend(IEnumerable<DemoApplication> applications)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in applications)
        {
            var officer = api.SubParkOfficer(a.SubPark);
            var rank = ranks[a.SubPark] = ranks.GetValueOrDefault(a.SubPark) + 1;
            await api.Post(officer, $"/intake/applications/{Id(a)}/accept");
            await api.Post(officer, $"/intake/applications/{Id(a)}/preliminary-review", new { opinion = "材料齐全，符合申报条件" });
            await api.Post(officer, $"/intake/applications/{Id(a)}/recommend", new { ranking = rank, comment = rank == 1 ? "择优推荐，建议优先支持" : "推荐" });
        }
    }

    private async Task SubParkDecides(DemoApplication a, string decision, string reasons)
    {
        var officer = api.SubParkOfficer(a.SubPark);
        await api.Post(officer, $"/intake/applications/{Id(a)}/accept");
        await api.Post(officer, $"/intake/applications/{Id(a)}/{decision}", new { reasons });
    }

    // ── review ──────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// R-A13-EXPERT: the committee draws each panel with the plan's seed; the experts declare no conflict and score. Marks
    /// come from the application's own seeded sequence, handed out in the order of the experts' user ids (not of the API's
    /// answer). <paramref name="scoring"/> experts score (all when null).
    /// </summary>
    private async Task Panels(IEnumerable<DemoApplication> applications, bool support, int? scoring = null)
    {
        foreach (var a in applications)
        {
            await api.Eventually(() => api.Find(api.Committee, $"/review/cases/{Id(a)}"), c => c is not null, $"the review case of {a.PlatformName}");
            var panel = await api.Post(api.Committee, $"/review/cases/{Id(a)}/panel", new { seed = a.PanelSeed });
            var panelId = panel.GetProperty("id").GetGuid();
            var members = panel.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("expertUserId").GetString()!).Order(StringComparer.Ordinal).ToList();
            var random = new Random(a.ScoreSeed);
            foreach (var expertId in members.Take(scoring ?? members.Count))
            {
                var expert = api.Expert(expertId);
                await api.Post(expert, $"/review/assignments/{panelId}/declaration", new { noConflict = true });
                var level = support ? 76 + random.Next(10) : 45 + random.Next(15);
                int Mark() => Math.Min(100, level + random.Next(-3, 6));
                await api.Post(expert, $"/review/assignments/{panelId}/score", new
                {
                    significance = Mark(), foundation = Mark(), team = Mark(), innovation = Mark(), integration = Mark(), content = Mark(), targets = Mark(),
                    funding = Mark(), comment = support ? "建设基础扎实，产业带动作用明显" : "建设基础薄弱，整合服务能力不足", support,
                });
            }
        }
    }

    /// <summary>R-A13-MEETING: a director office meeting today decides each listed application (approve, reject or defer).</summary>
    private async Task Meeting(IReadOnlyList<(DemoApplication Application, string Outcome)> decisions)
    {
        var today = await Today();
        var number = _meetingsPerYear[today.Year] = _meetingsPerYear.GetValueOrDefault(today.Year) + 1;
        var meeting = await api.Post(api.Committee, "/review/meetings", new
        {
            date = DemoApi.Date(today),
            title = $"{today.Year}年第{number}次主任办公会",
            applicationIds = decisions.Select(d => Id(d.Application)).ToArray(),
        });
        var meetingId = meeting.GetProperty("id").GetGuid();
        foreach (var (a, outcome) in decisions)
        {
            await api.Post(api.Committee, $"/review/meetings/{meetingId}/decisions", new
            {
                applicationId = Id(a),
                outcome,
                minutesReference = $"主任办公会纪要〔{today.Year}〕{number}号",
                reason = outcome switch { "reject" => "与已布局平台方向重复，产业带动作用不突出", "defer" => "请补充产业链上下游合作协议后再议", _ => null },
                especiallyMajor = a.EspeciallyMajor,
                municipalDecisionReference = a.EspeciallyMajor ? $"京政办〔{today.Year}〕{7 + a.Index}号" : null,
            });
        }
    }

    // ── notice ──────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The published notice of each application (the workflows commanded it after the approval).</summary>
    private async Task ReadNotices(IEnumerable<DemoApplication> applications)
    {
        foreach (var a in applications)
        {
            var notices = await api.Eventually(() => api.Get(api.Committee, $"/notice/notices?applicationId={Id(a)}"),
                n => n.ValueKind == JsonValueKind.Array && n.GetArrayLength() == 1, $"the notice of {a.PlatformName}");
            _notices[a.Index] = notices[0];
        }
    }

    /// <summary>A member of the public objects (no sign-in); the committee investigates and, when asked, decides.</summary>
    private async Task Objection(DemoApplication a, string reasons, bool? upheld, string? finding = null)
    {
        var noticeId = _notices[a.Index].GetProperty("id").GetGuid();
        // Published on a day off, the period (and the objections) start on the next working day.
        var startsOn = DateOnly.Parse(_notices[a.Index].GetProperty("startsOn").GetString()!, CultureInfo.InvariantCulture);
        await api.AdvanceTo(BeijingTime.StartOfDay(startsOn).AddHours(9));
        await api.Post(api.As(null), $"/notice/notices/{noticeId}/objections", new { name = "赵先生", telephone = "13800138000", reasons });
        if (upheld is not { } decided)
        {
            return;
        }

        var managed = await api.Get(api.Committee, $"/notice/manage/notices/{noticeId}");
        var objectionId = managed.GetProperty("objections").EnumerateArray().Last().GetProperty("id").GetGuid();
        await api.Post(api.Committee, $"/notice/manage/notices/{noticeId}/objections/{objectionId}/investigate");
        await api.Post(api.Committee, $"/notice/manage/notices/{noticeId}/objections/{objectionId}/decide", new { upheld = decided, finding });
    }

    /// <summary>Moves the clock to the working morning after the last notice's period closed (24:00 of its last working day).</summary>
    private Task PastNotices(IEnumerable<DemoApplication> applications)
    {
        var closes = applications.Max(a => _notices[a.Index].GetProperty("closesAt").GetDateTimeOffset());
        return api.AdvanceTo(WorkingMorning(BeijingTime.DateOf(closes)));
    }

    // ── funding ─────────────────────────────────────────────────────────────────────────────────────────────────────────

    private async Task<Guid> AgreementId(DemoApplication a)
    {
        var summary = await api.Eventually(async () =>
            {
                var all = await api.Get(api.Committee, "/funding/agreements");
                return all.EnumerateArray().Where(x => x.GetProperty("applicationId").GetGuid() == Id(a)).Select(x => (JsonElement?)x).SingleOrDefault();
            }, x => x is not null, $"the agreement of {a.PlatformName}");
        return summary!.Value.GetProperty("id").GetGuid();
    }

    /// <summary>R-A13-AGREEMENT / R-A10-Y1: the committee sets the year-1 award at its cap and signs; then the unit signs.</summary>
    private async Task Sign(IEnumerable<DemoApplication> applications)
    {
        foreach (var a in applications)
        {
            var agreementId = await AgreementId(a);
            var agreement = await api.Get(api.Committee, $"/funding/agreements/{agreementId}");
            var cap = agreement.GetProperty("year1Cap").GetProperty("capFen").GetInt64();
            await api.Put(api.Committee, $"/funding/agreements/{agreementId}/terms", new { year1AwardFen = cap });
            await api.Post(api.Committee, $"/funding/agreements/{agreementId}/signatures", new { party = "committee", signerName = "管委会领导" });
            await api.Post(api.Applicant(a.Unit), $"/funding/agreements/{agreementId}/signatures", new { party = "unit", signerName = a.LeaderName });
        }
    }

    /// <summary>R-A10-Y23: once year <paramref name="year"/> awaits its award, the committee awards its cap.</summary>
    private async Task Award(IEnumerable<DemoApplication> applications, int year)
    {
        foreach (var a in applications)
        {
            var agreementId = await AgreementId(a);
            var funding = await api.Eventually(async () => FundingYear(await api.Get(api.Committee, $"/funding/agreements/{agreementId}"), year),
                y => y?.GetProperty("status").GetString() == "AwaitingAward", $"year {year} of {a.PlatformName} awaiting its award");
            var cap = funding!.Value.GetProperty("cap").GetProperty("capFen").GetInt64();
            await api.Post(api.Committee, $"/funding/agreements/{agreementId}/years/{year}/award", new { amountFen = cap, note = "按上限核定" });
        }
    }

    internal static JsonElement? FundingYear(JsonElement agreement, int year) =>
        agreement.GetProperty("years").EnumerateArray().Where(y => y.GetProperty("constructionYear").GetInt32() == year).Select(y => (JsonElement?)y).SingleOrDefault();

    /// <summary>
    /// S-OPS maker-checker: the preparer sets the fiscal year's budget, starts a run of every due platform-year and submits
    /// it; the approver (another person) approves each line; when <paramref name="pay"/>, the preparer records each payment.
    /// </summary>
    private async Task DisbursementRun(bool pay)
    {
        var today = await Today();
        var fiscalYear = today.Year;
        await api.Put(api.FinancePreparer, $"/funding/budgets/{fiscalYear}", new { amountFen = 500_000_000_00L });
        var started = await api.Post(api.FinancePreparer, "/funding/runs", new { fiscalYear });
        var runId = started.GetProperty("id").GetGuid();
        var run = await api.Eventually(() => api.Get(api.FinancePreparer, $"/funding/runs/{runId}"), r => r.GetProperty("status").GetString() == "Draft",
            $"run {fiscalYear} gathered");
        var byApplication = _ids.ToDictionary(p => p.Value, p => p.Key);
        var lines = run.GetProperty("lines").EnumerateArray()
            .OrderBy(l => byApplication.GetValueOrDefault(l.GetProperty("applicationId").GetGuid(), int.MaxValue))
            .ThenBy(l => l.GetProperty("constructionYear").GetInt32()).ToList();
        await api.Post(api.FinancePreparer, $"/funding/runs/{runId}/submit");
        foreach (var line in lines)
        {
            await api.Post(api.FinanceApprover, $"/funding/runs/{runId}/lines/{line.GetProperty("id").GetGuid()}/decision", new { approve = true, note = "资料齐全，同意拨付" });
        }

        // Payments are recorded once every line is decided.
        var paid = new List<DemoApplication>();
        foreach (var line in pay ? lines : [])
        {
            await api.Post(api.FinancePreparer, $"/funding/runs/{runId}/lines/{line.GetProperty("id").GetGuid()}/payment",
                new { paidOn = DemoApi.Date(today), bankReference = $"BOC-{fiscalYear}-{++_payments:D5}" });
            var index = byApplication[line.GetProperty("applicationId").GetGuid()];
            _paid[index] = _paid.GetValueOrDefault(index) + line.GetProperty("amountFen").GetInt64();
            paid.Add(plan.Applications[index]);
        }

        // The lifecycles count the payments (DisbursementPaid) before anything else happens to them, e.g. a revocation that
        // would make them ignore a late one.
        await WaitFor(paid, i => i.GetProperty("progress").GetProperty("paidFen").GetInt64() == _paid[byApplication[i.GetProperty("id").GetGuid()]],
            "counting their payments");

        log($"[demo] disbursement run {fiscalYear}: {lines.Count} lines approved{(pay ? " and paid" : ", payment pending")}");
    }

    // ── monitoring ──────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// R-A14-ANNUAL / R-A14-EVAL: after construction year <paramref name="year"/> ends (the clock moves to the day after the
    /// last report period), each unit reports and the monitoring officer grades: pass, or fail for <paramref name="failing"/>.
    /// </summary>
    private async Task Reports(IReadOnlyList<DemoApplication> applications, int year, DemoStage? failing = null)
    {
        var reports = new Dictionary<int, JsonElement>();
        foreach (var a in applications)
        {
            var applicant = api.Applicant(a.Unit);
            var found = await api.Eventually(() => api.Get(applicant, $"/monitoring/reports?applicationId={Id(a)}&year={year}"),
                r => r.ValueKind == JsonValueKind.Array && r.GetArrayLength() == 1, $"the year-{year} report window of {a.PlatformName}");
            reports[a.Index] = found[0];
        }

        var end = reports.Values.Max(r => DateOnly.Parse(r.GetProperty("periodEnd").GetString()!, CultureInfo.InvariantCulture));
        await api.AdvanceTo(WorkingMorning(end.AddDays(1)));
        foreach (var a in applications)
        {
            var reportId = reports[a.Index].GetProperty("id").GetGuid();
            var fails = a.Stage == failing;
            var applicant = api.Applicant(a.Unit);
            await api.Put(applicant, $"/monitoring/reports/{reportId}/draft", DemoPayloads.Indicators(a, year, weak: fails));
            await api.Post(applicant, $"/monitoring/reports/{reportId}/submit");
            await api.Post(api.Monitor, $"/monitoring/reports/{reportId}/evaluation", fails
                ? new { grade = "fail", comments = "研发投入强度低于中关村平均水平且同比下降，绩效目标未达预期" }
                : new { grade = a.Index % 4 == 0 ? "excellent" : "pass", comments = "各项指标达标，建设进度符合协议约定" });
        }

        log($"[demo] {applications.Count} year-{year} annual reports submitted and evaluated");
    }

    // ── workflows ───────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Waits until every application's lifecycle satisfies <paramref name="done"/> (one list poll for all).</summary>
    private async Task WaitFor(IReadOnlyCollection<DemoApplication> applications, Func<JsonElement, bool> done, string what)
    {
        if (applications.Count == 0)
        {
            return;
        }

        await api.Eventually(async () =>
            {
                var pending = 0;
                foreach (var a in applications)
                {
                    var instance = await api.Find(api.Committee, $"/workflows/instances/{Id(a)}");
                    if (instance is not { } i || !done(i))
                    {
                        pending++;
                    }
                }

                return pending;
            }, pending => pending == 0, $"{applications.Count} applications {what}");
    }

    private Task WaitForState(IReadOnlyCollection<DemoApplication> applications, string state) =>
        WaitFor(applications, i => i.GetProperty("currentState").GetString() == state, "in " + state);

    private Task WaitForYear(IReadOnlyCollection<DemoApplication> applications, int year) =>
        WaitFor(applications, i => i.GetProperty("progress").GetProperty("constructionYear").GetInt32() == year, $"in construction year {year}");
}
