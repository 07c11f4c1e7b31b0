using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Testing;

/// <summary>
/// Drives one application through the programme over the services' HTTP APIs, each step as the actor the policy names
/// (applicant, sub-park officer, committee officer, experts, finance preparer and approver, monitoring officer). Works on
/// any <see cref="IProgrammeHost"/>, so the standalone and the distributed end-to-end tests walk the same path.
/// </summary>
public sealed class LifecycleDriver(IProgrammeHost host, CancellationToken cancellationToken) : IDisposable
{
    /// <summary>The sub-park every application of the driver goes to.</summary>
    public const string SubPark = "haidian";

    /// <summary>The fiscal year's budget a run is given unless the caller needs more: ¥1 billion, 100 platforms at the
    /// ¥10 million yearly cap (R-A10-Y1).</summary>
    public const long DefaultBudgetFen = 1_000_000_000_00L;

    private readonly Dictionary<string, HttpClient> _clients = [];

    public IProgrammeHost Host => host;

    /// <summary>A cached client for <paramref name="service"/> as that actor.</summary>
    public HttpClient As(string service, string? role, string? unit = null, string? subPark = null, string? user = null)
    {
        var key = $"{service}|{role}|{unit}|{subPark}|{user}";
        // Locked: the programme bench walks many applications at once through one driver.
        lock (_clients)
        {
            if (!_clients.TryGetValue(key, out var client))
            {
                client = host.Client(service, role, unit, subPark, user);
                _clients[key] = client;
            }

            return client;
        }
    }

    private HttpClient Operator(string service) => As(service, Roles.CommitteeOfficer);

    // ── intake ──────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The unit registers and submits an eligible application to <see cref="SubPark"/>; the lifecycle starts.</summary>
    public async Task<Guid> Submit(string unit, JsonObject? application = null)
    {
        var id = await IntakeWalk.SubmitEligible(As("intake", Roles.Applicant, unit: unit), application ?? IntakePayloads.Application(SubPark), cancellationToken);
        await WaitForState(id, "SubParkReview");
        return id;
    }

    public Task Recommend(Guid id, int ranking = 1) =>
        IntakeWalk.Recommend(As("intake", Roles.SubParkOfficer, subPark: SubPark), id, ranking, "择优推荐", cancellationToken);

    /// <summary>The sub-park officer accepts the application and then returns it (or rejects it) with reasons.</summary>
    public async Task SubParkDecides(Guid id, string decision, string reasons)
    {
        var officer = As("intake", Roles.SubParkOfficer, subPark: SubPark);
        await Ensure(await officer.PostAsJsonAsync($"/intake/applications/{id}/accept", new { }, cancellationToken));
        await Ensure(await officer.PostAsJsonAsync($"/intake/applications/{id}/{decision}", new { reasons }, cancellationToken));
    }

    /// <summary>The applicant corrects the returned working copy and submits it again (the next version).</summary>
    public async Task<string> CorrectAndResubmit(Guid id, string unit, JsonObject corrected)
    {
        var applicant = As("intake", Roles.Applicant, unit: unit);
        await Ensure(await applicant.PutAsJsonAsync($"/intake/applications/{id}", corrected, cancellationToken));
        var submitted = await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), cancellationToken);
        await Ensure(submitted);
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString()!;
    }

    // ── review ──────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// R-A13-EXPERT: five experts of the field join the pool (unless <paramref name="addExperts"/> is false: the pool is already
    /// filled), the committee draws the panel, each expert declares no conflict and scores (85 and "support", or 40 and "do
    /// not support"). Returns the panel id.
    /// </summary>
    public async Task<Guid> ExpertPanel(Guid id, bool support, bool addExperts = true)
    {
        var committee = As("review", Roles.CommitteeOfficer);
        await Eventually.True(async () => (await committee.GetAsync($"/review/cases/{id}", cancellationToken)).StatusCode == HttpStatusCode.OK,
            $"the review case of {id}");
        var batch = Random.Shared.Next(1_000_000, 9_999_999);
        for (var i = 0; i < (addExperts ? 5 : 0); i++)
        {
            var expert = new
            {
                userId = $"e2e-expert-{batch}-{i}", name = $"专家{i}", employerName = "某大学", employerUscc = $"121000{batch}{i:D4}X", title = "教授",
                fields = new[] { "next-generation-it" },
            };
            await Ensure(await committee.PostAsJsonAsync("/review/experts", expert, cancellationToken));
        }

        var formed = await committee.PostAsJsonAsync($"/review/cases/{id}/panel", new { }, cancellationToken);
        await Ensure(formed);
        var panel = await formed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var panelId = panel.GetProperty("id").GetGuid();
        var mark = support ? 85 : 40;
        foreach (var member in panel.GetProperty("members").EnumerateArray())
        {
            var expert = As("review", Roles.Expert, user: member.GetProperty("expertUserId").GetString());
            await Ensure(await expert.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, cancellationToken));
            var score = new
            {
                significance = mark, foundation = mark, team = mark, innovation = mark, integration = mark, content = mark, targets = mark, funding = mark,
                comment = support ? "建设基础扎实" : "建设基础薄弱", support,
            };
            await Ensure(await expert.PostAsJsonAsync($"/review/assignments/{panelId}/score", score, cancellationToken));
        }

        return panelId;
    }

    /// <summary>The committee convenes a director office meeting today (by the programme's clock) with the case on its agenda.</summary>
    public async Task<Guid> Meeting(Guid id, string title = "主任办公会")
    {
        var today = BeijingTime.DateOf(await host.Now());
        var created = await As("review", Roles.CommitteeOfficer).PostAsJsonAsync("/review/meetings",
            new { date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), title, applicationIds = new[] { id } }, cancellationToken);
        await Ensure(created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>R-A13-MEETING: the meeting's decision on the case (approve, reject or defer).</summary>
    public async Task Decide(Guid meetingId, Guid id, string outcome, string? reason = null)
    {
        var response = await As("review", Roles.CommitteeOfficer).PostAsJsonAsync($"/review/meetings/{meetingId}/decisions",
            new { applicationId = id, outcome, minutesReference = "主任办公会纪要〔2026〕1号", reason, especiallyMajor = false }, cancellationToken);
        await Ensure(response);
    }

    // ── notice ──────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The application's published notice (public, no sign-in).</summary>
    public async Task<JsonElement> Notice(Guid id)
    {
        var notices = await Eventually.Get(async () => await As("notice", null).GetFromJsonAsync<JsonElement>($"/notice/notices?applicationId={id}", cancellationToken),
            n => n.ValueKind == JsonValueKind.Array && n.GetArrayLength() == 1, $"the notice of {id}");
        return notices[0];
    }

    /// <summary>A member of the public objects to the notice; returns the objection's id (from the committee's view).</summary>
    public async Task<Guid> RaiseObjection(Guid noticeId, string reasons)
    {
        var response = await As("notice", null).PostAsJsonAsync($"/notice/notices/{noticeId}/objections",
            new { name = "赵六", telephone = "13800138000", reasons }, cancellationToken);
        await Ensure(response);
        var managed = await Operator("notice").GetFromJsonAsync<JsonElement>($"/notice/manage/notices/{noticeId}", cancellationToken);
        return managed.GetProperty("objections").EnumerateArray().Last().GetProperty("id").GetGuid();
    }

    /// <summary>The committee investigates the objection and decides it.</summary>
    public async Task DecideObjection(Guid noticeId, Guid objectionId, bool upheld, string finding)
    {
        var committee = Operator("notice");
        await Ensure(await committee.PostAsJsonAsync($"/notice/manage/notices/{noticeId}/objections/{objectionId}/investigate", new { }, cancellationToken));
        await Ensure(await committee.PostAsJsonAsync($"/notice/manage/notices/{noticeId}/objections/{objectionId}/decide", new { upheld, finding },
            cancellationToken));
    }

    /// <summary>Moves the clock just past the notice's close (its 24:00 Beijing of the last working day).</summary>
    public async Task PastNoticeEnd(JsonElement notice)
    {
        var closesAt = notice.GetProperty("closesAt").GetDateTimeOffset();
        await AdvanceTo(closesAt.AddHours(9));
    }

    // ── funding ─────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The agreement funding drafted for the application (as the committee sees it).</summary>
    public async Task<JsonElement> Agreement(Guid id)
    {
        var committee = As("funding", Roles.CommitteeOfficer);
        var summary = await Eventually.Get(async () =>
        {
            var found = await committee.GetFromJsonAsync<JsonElement>($"/funding/agreements?applicationId={id}", cancellationToken);
            return found.EnumerateArray().Select(a => (JsonElement?)a).SingleOrDefault();
        }, a => a is not null, $"the agreement of {id}");
        return await committee.GetFromJsonAsync<JsonElement>($"/funding/agreements/{summary!.Value.GetProperty("id").GetGuid()}", cancellationToken);
    }

    /// <summary>
    /// R-A13-AGREEMENT / R-A10-Y1: the committee sets the year-1 award at its cap and signs, then the unit signs. Returns the
    /// agreement id.
    /// </summary>
    public async Task<Guid> SignAgreement(Guid id, string unit)
    {
        var agreement = await Agreement(id);
        var agreementId = agreement.GetProperty("id").GetGuid();
        var cap = agreement.GetProperty("year1Cap").GetProperty("capFen").GetInt64();
        var committee = As("funding", Roles.CommitteeOfficer);
        await Ensure(await committee.PutAsJsonAsync($"/funding/agreements/{agreementId}/terms", new { year1AwardFen = cap }, cancellationToken));
        await Ensure(await committee.PostAsJsonAsync($"/funding/agreements/{agreementId}/signatures", new { party = "committee", signerName = "委领导" },
            cancellationToken));
        await Ensure(await As("funding", Roles.Applicant, unit: unit).PostAsJsonAsync($"/funding/agreements/{agreementId}/signatures",
            new { party = "unit", signerName = "张三" }, cancellationToken));
        return agreementId;
    }

    /// <summary>The agreement's funding year <paramref name="year"/> (null until it exists).</summary>
    public async Task<JsonElement?> FundingYear(Guid agreementId, int year)
    {
        var agreement = await As("funding", Roles.CommitteeOfficer).GetFromJsonAsync<JsonElement>($"/funding/agreements/{agreementId}", cancellationToken);
        return agreement.GetProperty("years").EnumerateArray().Where(y => y.GetProperty("constructionYear").GetInt32() == year)
            .Select(y => (JsonElement?)y).SingleOrDefault();
    }

    /// <summary>R-A10-Y23: once year <paramref name="year"/> awaits its award, the committee awards its cap. Returns the amount.</summary>
    public async Task<long> AwardAtCap(Guid agreementId, int year)
    {
        var funding = await Eventually.Get(() => FundingYear(agreementId, year), y => y?.GetProperty("status").GetString() == "AwaitingAward",
            $"funding year {year} awaiting its award");
        var cap = funding!.Value.GetProperty("cap").GetProperty("capFen").GetInt64();
        await Ensure(await As("funding", Roles.CommitteeOfficer).PostAsJsonAsync($"/funding/agreements/{agreementId}/years/{year}/award",
            new { amountFen = cap, note = "按上限核定" }, cancellationToken));
        return cap;
    }

    /// <summary>
    /// S-OPS maker-checker: the finance preparer sets the budget of the current fiscal year, starts a run and submits it; a
    /// different finance approver approves every line; the preparer records each payment today. Decisions and payments go
    /// a page of lines per request (the batch endpoints, as the console's "approve all" and "pay all" do). Returns the paid
    /// lines.
    /// </summary>
    public async Task<List<JsonElement>> DisbursementRun(long budgetFen = DefaultBudgetFen)
    {
        var run = await GatheredRun(budgetFen);
        var runId = run.GetProperty("id").GetGuid();
        var fiscalYear = run.GetProperty("fiscalYear").GetInt32();
        var today = BeijingTime.DateOf(await host.Now()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var preparer = As("funding", Roles.FinancePreparer, user: "e2e-finance-preparer");
        var approver = As("funding", Roles.FinanceApprover, user: "e2e-finance-approver");
        await Ensure(await preparer.PostAsync($"/funding/runs/{runId}/submit", null, cancellationToken));
        var lines = run.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToList();
        // Payments are recorded once every line of the run is decided.
        foreach (var page in lines.Chunk(BatchEntries))
        {
            await Ensure(await approver.PostAsJsonAsync($"/funding/runs/{runId}/decisions",
                new { decisions = page.Select(lineId => new { lineId, approve = true }) }, cancellationToken));
        }

        var paid = new List<JsonElement>();
        foreach (var page in lines.Chunk(BatchEntries))
        {
            var payments = await preparer.PostAsJsonAsync($"/funding/runs/{runId}/payments",
                new { payments = page.Select(lineId => new { lineId, paidOn = today, bankReference = $"BOC-{fiscalYear}-{lineId.ToString()[..8]}" }) },
                cancellationToken);
            await Ensure(payments);
            paid.AddRange((await payments.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("lines").EnumerateArray());
        }

        return paid;
    }

    /// <summary>Entries per batch request (the funding service's limit).</summary>
    private const int BatchEntries = 1000;

    /// <summary>
    /// The finance preparer sets the current fiscal year's budget (<paramref name="budgetFen"/>) and starts a run; returns it
    /// once gathered.
    /// </summary>
    public async Task<JsonElement> GatheredRun(long budgetFen = DefaultBudgetFen)
    {
        var fiscalYear = BeijingTime.DateOf(await host.Now()).Year;
        var preparer = As("funding", Roles.FinancePreparer, user: "e2e-finance-preparer");
        await Ensure(await preparer.PutAsJsonAsync($"/funding/budgets/{fiscalYear}", new { amountFen = budgetFen }, cancellationToken));
        var started = await preparer.PostAsJsonAsync("/funding/runs", new { fiscalYear }, cancellationToken);
        await Ensure(started);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        // Polled without its lines (a run for a large programme has thousands), then read once with them.
        await Eventually.Get(async () => await preparer.GetFromJsonAsync<JsonElement>($"/funding/runs/{runId}?lines=false", cancellationToken),
            r => r.GetProperty("status").GetString() == "Draft", $"run {runId} gathered");
        return await preparer.GetFromJsonAsync<JsonElement>($"/funding/runs/{runId}", cancellationToken);
    }

    /// <summary>The funding ledger of the application (entries and totals).</summary>
    public Task<JsonElement> Ledger(Guid id) =>
        As("funding", Roles.CommitteeOfficer).GetFromJsonAsync<JsonElement>($"/funding/ledger?applicationId={id}", cancellationToken);

    // ── monitoring ──────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The ZGC average R&amp;D intensity of each calendar year from <paramref name="from"/> to <paramref name="to"/> (R-A8-RD).</summary>
    public async Task ReferenceFigures(int from, int to, int basisPoints = 650)
    {
        for (var year = from; year <= to; year++)
        {
            await Ensure(await As("monitoring", Roles.Admin).PutAsJsonAsync($"/monitoring/reference-figures/{year}",
                new { averageRdIntensityBasisPoints = basisPoints }, cancellationToken));
        }
    }

    /// <summary>The annual report window of <paramref name="year"/> as the unit sees it, once the lifecycle has opened it.</summary>
    public async Task<JsonElement> Report(Guid id, string unit, int year)
    {
        var applicant = As("monitoring", Roles.Applicant, unit: unit);
        var reports = await Eventually.Get(async () =>
                await applicant.GetFromJsonAsync<JsonElement>($"/monitoring/reports?applicationId={id}&year={year}", cancellationToken),
            r => r.ValueKind == JsonValueKind.Array && r.GetArrayLength() == 1, $"the year-{year} report window of {id}");
        return reports[0];
    }

    /// <summary>R-A14-ANNUAL: the unit saves the indicators and submits the report.</summary>
    public async Task SubmitReport(Guid reportId, string unit, object indicators)
    {
        var applicant = As("monitoring", Roles.Applicant, unit: unit);
        await Ensure(await applicant.PutAsJsonAsync($"/monitoring/reports/{reportId}/draft", indicators, cancellationToken));
        await Ensure(await applicant.PostAsync($"/monitoring/reports/{reportId}/submit", null, cancellationToken));
    }

    /// <summary>R-A14-EVAL: the monitoring officer grades the report (pass, excellent or fail).</summary>
    public async Task Evaluate(Guid reportId, string grade, string comments)
    {
        var response = await As("monitoring", Roles.MonitoringOfficer, user: "e2e-monitor").PostAsJsonAsync($"/monitoring/reports/{reportId}/evaluation",
            new { grade, comments }, cancellationToken);
        await Ensure(response);
    }

    /// <summary>Moves the clock to the day after the report period ends, 09:00 Beijing (the year is over, its report can be written).</summary>
    public Task PastReportPeriod(JsonElement report)
    {
        var end = DateOnly.Parse(report.GetProperty("periodEnd").GetString()!, CultureInfo.InvariantCulture);
        return AdvanceTo(BeijingTime.StartOfDay(end.AddDays(1)).AddHours(9));
    }

    /// <summary>
    /// The indicators of construction year <paramref name="year"/> (1–3) that meet every Art. 8 check against an average of
    /// 6.5 %: R&amp;D intensity rising from 6.5 %, SMEs driven rising, their revenue growing 20 % a year, enterprises served on course.
    /// </summary>
    public static object GoodIndicators(int year) => new
    {
        rdExpenditure = 65_000_00L + ((year - 1) * 15_000_00L),
        revenue = 1_000_000_00L,
        smesDriven = 10 + (2 * (year - 1)),
        drivenSmeRevenue = year switch { 1 => 500_000_00L, 2 => 600_000_00L, _ => 720_000_00L },
        enterprisesServed = 20 * year,
        inventionPatentsFiled = 6 * year,
        inventionPatentsGranted = 2 * year,
        standardsCreated = 1,
        majorBreakthroughs = 1,
        outputValue = 3_000_000_00L,
        talent = "引进领军人才2名，培养工程师15名",
        events = "举办国际论坛1次、项目对接会3次",
        investments = new object[]
        {
            new { category = "equipment-materials", total = 8_000_000_00L, selfRaised = 6_000_000_00L },
            new { category = "personnel", total = 2_000_000_00L, selfRaised = 1_500_000_00L },
        },
        targets = new object[] { new { name = "发明专利申请", target = 20, achieved = 6 * year } },
    };

    // ── workflows ───────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The lifecycle instance (state, transitions, progress), or null while it does not exist.</summary>
    public async Task<JsonElement?> Instance(Guid id)
    {
        using var response = await Operator("workflows").GetAsync($"/workflows/instances/{id}", cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : null;
    }

    public Task<JsonElement> WaitForState(Guid id, string state, TimeSpan? timeout = null) =>
        WatchInstance(id, i => i.GetProperty("currentState").GetString() == state, $"instance {id} in {state}", timeout);

    /// <summary>Waits until the instance's progress satisfies <paramref name="done"/> (e.g. the construction year moved on).</summary>
    public Task<JsonElement> WaitForProgress(Guid id, Func<JsonElement, bool> done, string what) =>
        WatchInstance(id, i => done(i.GetProperty("progress")), what, null);

    /// <summary>
    /// Waits for the instance to satisfy <paramref name="done"/> with the page's long polls: each request names the version
    /// already seen (<c>If-None-Match</c>) and is answered when the instance changes or exists (<c>Prefer: wait</c>), so
    /// the walk asks once per change instead of every few hundred milliseconds.
    /// </summary>
    public async Task<JsonElement> WatchInstance(Guid id, Func<JsonElement, bool> done, string what, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? Eventually.Timeout);
        string? seen = null;
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var wait = Math.Clamp((int)(deadline - DateTime.UtcNow).TotalSeconds, 1, MaxWatchSeconds);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/workflows/instances/{id}");
            request.Headers.Add("Prefer", $"wait={wait}");
            if (seen is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", seen);
            }

            using var response = await Operator("workflows").SendAsync(request, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    last = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    if (done(last.Value))
                    {
                        return last.Value;
                    }

                    seen = response.Headers.ETag?.ToString();
                    break;
                case HttpStatusCode.NotModified or HttpStatusCode.NotFound:
                    // Waited without a change, or for an instance still to be created. A service that did not wait (its
                    // longest wait set to 0) is polled at the usual pace instead of in a tight loop.
                    if (!response.Headers.Contains("Preference-Applied"))
                    {
                        await Task.Delay(Eventually.PollInterval, cancellationToken);
                    }

                    break;
                default:
                    throw new HttpRequestException($"Watching instance {id} for {what}: {(int)response.StatusCode} " +
                        await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }

        throw new TimeoutException($"Timed out waiting for {what}; last value: {last}");
    }

    /// <summary>The longest single long poll: below the service's own limit (30 s by default) and HttpClient's timeout.</summary>
    private const int MaxWatchSeconds = 20;

    /// <summary>The (from, to) pairs of the instance's history, oldest first.</summary>
    public static List<(string From, string To)> Transitions(JsonElement instance) =>
        [.. instance.GetProperty("transitions").EnumerateArray().Select(t => (t.GetProperty("from").GetString()!, t.GetProperty("to").GetString()!))];

    // ── whole stages ────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Submitted, recommended, supported by the expert panel: the case waits for the director office meeting.</summary>
    public async Task<Guid> ToAwaitingMeeting(string unit)
    {
        var id = await Submit(unit);
        await Recommend(id);
        await WaitForState(id, "ExpertReview");
        await ExpertPanel(id, support: true);
        await WaitForState(id, "AwaitingMeeting");
        return id;
    }

    /// <summary>… approved by today's meeting: the notice is published.</summary>
    public async Task<Guid> ToInNotice(string unit)
    {
        var id = await ToAwaitingMeeting(unit);
        await Decide(await Meeting(id), id, "approve");
        await WaitForState(id, "InNotice");
        return id;
    }

    /// <summary>… the notice period passes without objection, and both parties sign the agreement: construction year 1.</summary>
    public async Task<(Guid Id, Guid AgreementId)> ToUnderConstruction(string unit)
    {
        var id = await ToInNotice(unit);
        await PastNoticeEnd(await Notice(id));
        await WaitForState(id, "Included");
        var agreementId = await SignAgreement(id, unit);
        await WaitForState(id, "UnderConstruction");
        return (id, agreementId);
    }

    /// <summary>A disbursement run pays the due year <paramref name="year"/> of the application; returns the paid line.</summary>
    public async Task<JsonElement> PayYear(Guid id, int year)
    {
        var paid = await DisbursementRun();
        var line = paid.Single(l => l.GetProperty("applicationId").GetGuid() == id);
        return line.GetProperty("constructionYear").GetInt32() == year
            ? line
            : throw new InvalidOperationException($"The run paid year {line.GetProperty("constructionYear").GetInt32()} of {id}, not year {year}.");
    }

    /// <summary>
    /// The year's report window (opened by the lifecycle) after the year has ended: the unit reports good indicators and the
    /// monitoring officer grades them.
    /// </summary>
    public async Task ReportAndEvaluate(Guid id, string unit, int year, string grade)
    {
        var report = await Report(id, unit, year);
        await PastReportPeriod(report);
        var reportId = report.GetProperty("id").GetGuid();
        await SubmitReport(reportId, unit, GoodIndicators(year));
        await Evaluate(reportId, grade, grade == "fail" ? "建设进度严重滞后，绩效目标未达预期" : "各项指标达标");
    }

    // ── clock ───────────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Moves the clock forward to <paramref name="instant"/> (nothing when it is already later).</summary>
    public async Task AdvanceTo(DateTimeOffset instant)
    {
        var by = instant - await host.Now();
        if (by > TimeSpan.Zero)
        {
            await host.Advance(by);
        }
    }

    public static async Task Ensure(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }
}
