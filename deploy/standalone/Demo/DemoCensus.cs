using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Zgc.Standalone.Demo;

/// <summary>One application as read back from the services: its stage and a canonical line (no ids, no times).</summary>
public sealed record DemoCensusEntry(string PlatformName, DemoStage? Stage, string Canonical);

/// <summary>
/// What the programme holds once seeded, read back only through the services' APIs: each application's stage (derived
/// from the lifecycle, the review case, the notice and the funding year, not from the plan) and a canonical line free of
/// generated ids and clock readings, plus totals per record kind. Two programmes from the same seed have equal
/// <see cref="Canonical"/> texts.
/// </summary>
public sealed class DemoCensus
{
    private DemoCensus(IReadOnlyList<DemoCensusEntry> entries, IReadOnlyDictionary<string, string> totals)
    {
        Entries = entries;
        Totals = totals;
    }

    public IReadOnlyList<DemoCensusEntry> Entries { get; }

    /// <summary>Counts and sums per record kind, e.g. "notices" → "Open 2, Passed 20, Failed 1".</summary>
    public IReadOnlyDictionary<string, string> Totals { get; }

    /// <summary>Applications per stage, in the order of <see cref="DemoStage"/>.</summary>
    public IReadOnlyList<(DemoStage Stage, int Count)> StageCounts =>
        [.. Enum.GetValues<DemoStage>().Select(s => (s, Entries.Count(e => e.Stage == s)))];

    /// <summary>Every entry's line and every total, sorted: the text two runs of one seed agree on.</summary>
    public string Canonical =>
        string.Join('\n', Entries.Select(e => e.Canonical).Order(StringComparer.Ordinal).Concat(Totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value}")));

    /// <summary>The summary printed at the end of seeding.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"[demo] done: {Entries.Count} applications");
        foreach (var (stage, count) in StageCounts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[demo]   {DemoStages.Label(stage),-40} {count,3}");
        }

        var unknown = Entries.Count(e => e.Stage is null);
        if (unknown > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[demo]   {"(stage not recognised)",-40} {unknown,3}");
        }

        foreach (var (kind, value) in Totals.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[demo]   {kind}: {value}");
        }

        return text.ToString();
    }

    public static async Task<DemoCensus> Take(DemoPlan plan, DemoApi api)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(api);
        var committee = api.Committee;
        var instances = DemoApi.Items(await api.Get(committee, "/workflows/instances?pageSize=500"))
            .ToDictionary(i => i.GetProperty("platformName").GetString()!, i => i.GetProperty("id").GetGuid(), StringComparer.Ordinal);
        var cases = DemoApi.Items(await api.Get(committee, "/review/cases"))
            .ToDictionary(c => c.GetProperty("applicationId").GetGuid(), c => c.GetProperty("stage").GetString()!);
        var agreements = DemoApi.Items(await api.Get(committee, "/funding/agreements"))
            .ToDictionary(a => a.GetProperty("applicationId").GetGuid(), a => a);

        var entries = new List<DemoCensusEntry>();
        foreach (var unit in plan.Units)
        {
            var page = await api.Get(api.Applicant(unit), "/intake/applications?pageSize=100");
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                entries.Add(await Entry(api, item, instances, cases, agreements));
            }
        }

        return new DemoCensus(entries, await ReadTotals(api));
    }

    private static async Task<DemoCensusEntry> Entry(DemoApi api, JsonElement item, Dictionary<string, Guid> instances, Dictionary<Guid, string> cases,
        Dictionary<Guid, JsonElement> agreements)
    {
        var platform = item.GetProperty("platformName").GetString()!;
        var intakeStatus = item.GetProperty("status").GetString()!;
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture,
            $"{platform} | {item.GetProperty("unitUscc").GetString()} {item.GetProperty("unitName").GetString()} | {item.GetProperty("industryField").GetString()}/{item.GetProperty("subArea").GetString()} | {item.GetProperty("subPark").GetString()} | total {item.GetProperty("totalInvestmentFen").GetInt64()} base {item.GetProperty("supportBaseFen").GetInt64()} | intake {intakeStatus} v{item.GetProperty("currentVersion").GetInt32()} rank {Text(item, "ranking")}");
        if (!instances.TryGetValue(platform, out var id))
        {
            DemoStage? early = intakeStatus switch { "Draft" => DemoStage.Draft, "Ineligible" => DemoStage.Ineligible, _ => null };
            return new DemoCensusEntry(platform, early, line.Append(CultureInfo.InvariantCulture, $" | stage {early}").ToString());
        }

        var instance = await api.Get(api.Committee, $"/workflows/instances/{id}");
        var state = instance.GetProperty("currentState").GetString()!;
        var progress = instance.GetProperty("progress");
        var year = progress.GetProperty("constructionYear").GetInt32();
        line.Append(CultureInfo.InvariantCulture,
            $" | {state} year {year} paid {progress.GetProperty("paidFen").GetInt64()} deferrals {progress.GetProperty("meetingDeferrals").GetInt32()} rejected at {Text(progress, "rejectedAtStage")} expert mean {Text(progress, "expertTrimmedMean")} | review {cases.GetValueOrDefault(id)}");

        var objections = 0;
        if (instance.TryGetProperty("noticeId", out var noticeId) && noticeId.ValueKind == JsonValueKind.String)
        {
            var managed = await api.Get(api.Committee, $"/notice/manage/notices/{noticeId.GetGuid()}");
            var notice = managed.GetProperty("notice");
            objections = managed.GetProperty("objections").GetArrayLength();
            line.Append(CultureInfo.InvariantCulture,
                $" | notice {Text(notice, "status")} {Text(notice, "startsOn")}–{Text(notice, "endsOn")} objections {string.Join(",", managed.GetProperty("objections").EnumerateArray().Select(o => Text(o, "status")))}");
        }

        string? fundingStatus = null;
        if (agreements.TryGetValue(id, out var agreement))
        {
            var detail = await api.Get(api.Committee, $"/funding/agreements/{agreement.GetProperty("id").GetGuid()}");
            var years = detail.GetProperty("years").EnumerateArray()
                .Select(y => $"y{y.GetProperty("constructionYear").GetInt32()} {y.GetProperty("status").GetString()} cap {y.GetProperty("cap").GetProperty("capFen").GetInt64()}");
            fundingStatus = DemoSeeder.FundingYear(detail, year)?.GetProperty("status").GetString();
            line.Append(CultureInfo.InvariantCulture,
                $" | agreement {agreement.GetProperty("status").GetString()} major {agreement.GetProperty("especiallyMajor").GetBoolean()} award1 {Text(agreement, "year1AwardFen")} cap1 {agreement.GetProperty("year1CapFen").GetInt64()} {string.Join(", ", years)}");
        }

        var rectifying = false;
        if (state == "UnderConstruction" && fundingStatus == "NotEligible")
        {
            var orders = await api.Get(api.Monitor, $"/monitoring/platforms/{id}/rectifications");
            rectifying = DemoApi.Items(orders).Any();
            line.Append(CultureInfo.InvariantCulture, $" | rectifications {string.Join(",", DemoApi.Items(orders).Select(o => Text(o, "status")))}");
        }

        DemoStage? stage = state switch
        {
            "SubParkReview" => DemoStage.Submitted,
            "ReturnedForCorrection" => DemoStage.ReturnedForCorrection,
            "Rejected" => Text(progress, "rejectedAtStage") switch
            {
                "SubParkReview" => DemoStage.RejectedAtSubPark,
                "ExpertReview" => DemoStage.NotSupported,
                "AwaitingMeeting" => DemoStage.RejectedAtMeeting,
                _ => null,
            },
            "ExpertReview" => cases.GetValueOrDefault(id) == "ExpertReview" ? DemoStage.UnderExpertReview : DemoStage.Recommended,
            "AwaitingMeeting" => progress.GetProperty("meetingDeferrals").GetInt32() > 0 ? DemoStage.DeferredAtMeeting : DemoStage.AwaitingMeeting,
            "InNotice" => objections > 0 ? DemoStage.InNoticeWithObjection : DemoStage.InNotice,
            "NoticeFailed" => DemoStage.NoticeFailed,
            "Included" => DemoStage.Included,
            "UnderConstruction" => (year, fundingStatus) switch
            {
                (1, "Paid") => DemoStage.Year1Paid,
                (1, "Due" or "InRun") => DemoStage.Year1Pending,
                (2, "Paid") => DemoStage.Year2Paid,
                (2, "Due" or "InRun") => DemoStage.Year2Pending,
                (2, "AwaitingAward") => DemoStage.Year2AwaitingAward,
                (3, "Paid") => DemoStage.Year3Paid,
                (3, "NotEligible") when rectifying => DemoStage.UnderRectification,
                _ => null,
            },
            "Completed" => DemoStage.Completed,
            "Revoked" => DemoStage.Revoked,
            _ => null,
        };
        return new DemoCensusEntry(platform, stage, line.Append(CultureInfo.InvariantCulture, $" | stage {stage}").ToString());
    }

    private static async Task<Dictionary<string, string>> ReadTotals(DemoApi api)
    {
        static string ByStatus(JsonElement list, string property = "status") =>
            string.Join(", ", DemoApi.Items(list).GroupBy(x => Text(x, property)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

        var committee = api.Committee;
        var meetings = await api.Get(committee, "/review/meetings");
        var runs = await api.Get(api.FinancePreparer, "/funding/runs");
        var clawbacks = await api.Get(api.FinancePreparer, "/funding/clawbacks");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["units"] = DemoApi.Items(await api.Get(committee, "/intake/units")).Count().ToString(CultureInfo.InvariantCulture),
            ["experts"] = DemoApi.Items(await api.Get(committee, "/review/experts")).Count().ToString(CultureInfo.InvariantCulture),
            ["meetings"] = string.Join(", ", DemoApi.Items(meetings).Select(m => Text(m, "title")).Order(StringComparer.Ordinal)),
            ["notices"] = ByStatus(await api.Get(committee, "/notice/manage/notices")),
            ["disbursement runs"] = string.Join(", ", DemoApi.Items(runs)
                .Select(r => $"{Text(r, "fiscalYear")} {Text(r, "status")} total {Text(r, "totalFen")} paid {Text(r, "paidTotalFen")}").Order(StringComparer.Ordinal)),
            ["annual reports"] = ByStatus(await api.Get(committee, "/monitoring/reports")),
            ["fraud cases"] = ByStatus(await api.Get(api.Monitor, "/monitoring/fraud-cases")),
            ["clawbacks"] = string.Join(", ", DemoApi.Items(clawbacks)
                .Select(c => $"{Text(c, "status")} receivable {Text(c, "receivableFen")} recovered {Text(c, "recoveredFen")}").Order(StringComparer.Ordinal)),
        };
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined => "-",
            _ => value.GetRawText(),
        } : "-";
}
