using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.System.Tests;

/// <summary>
/// The walking skeleton across four separate service processes on the real RabbitMQ and PostgreSQL that the
/// test command started: each service its own process, its own database, talking only through the broker.
/// </summary>
public sealed class DistributedThinFlowTests : IAsyncLifetime
{
    private readonly string _run = "zgc_sys_" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<ServiceProcess> _processes = [];
    private RabbitMqVirtualHost? _vhost;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.Create("zgc-sys");
        var starts = new[]
        {
            ("intake", "Zgc.Intake"), ("review", "Zgc.Review"), ("notice", "Zgc.Notice"), ("workflows", "Zgc.Workflows"),
        }.Select(s => ServiceProcess.Start(s.Item1, s.Item2, Environment(s.Item1)));
        _processes.AddRange(await Task.WhenAll(starts));
    }

    private Dictionary<string, string> Environment(string service) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = RealInfrastructure.PostgresDatabase($"{_run}_{service}"),
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__RabbitMq"] = _vhost!.Uri,
    };

    private Uri Url(string project) => _processes.Single(p => p.Name == project).BaseAddress;

    [Fact, Trait("Req", "S-SERVICES")]
    public async Task An_application_walks_to_a_published_notice_across_separate_processes()
    {
        using var applicant = StandaloneTokens.Client(Url("Zgc.Intake"), Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        using var officer = StandaloneTokens.Client(Url("Zgc.Intake"), Roles.SubParkOfficer, subPark: "chaoyang");
        using var review = StandaloneTokens.Client(Url("Zgc.Review"), Roles.CommitteeOfficer);
        using var workflows = StandaloneTokens.Client(Url("Zgc.Workflows"), Roles.CommitteeOfficer);
        using var notice = StandaloneTokens.Client(Url("Zgc.Notice"), null);

        var id = await IntakeWalk.SubmitEligible(applicant, IntakePayloads.Application("chaoyang", "new-materials", "graphene", "新材料协同创新平台"), Ct);

        await WaitForState(workflows, id, "SubParkReview");
        await IntakeWalk.Recommend(officer, id, ranking: 1, comment: "推荐", Ct);
        await WaitForState(workflows, id, "ExpertReview");
        await Eventually.True(async () => (await review.GetAsync($"/review/cases/{id}", Ct)).StatusCode == HttpStatusCode.OK, "the review case");

        await PassExpertReviewOntoTodaysAgenda(review, Url("Zgc.Review"), id);
        // The committee decides on a case the panel has supported: the lifecycle has taken the panel's opinion first (the
        // opinion and the decision are separate messages, and one may overtake the other when both are in flight).
        await WaitForState(workflows, id, "AwaitingMeeting");
        var decided = await review.PostAsJsonAsync($"/review/cases/{id}/meeting-decision", new
        {
            approve = true, especiallyMajor = true, minutesReference = "主任办公会纪要〔2026〕1号", municipalDecisionReference = "京政办〔2026〕1号",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var instance = await WaitForState(workflows, id, "InNotice");
        Assert.True(instance.GetProperty("especiallyMajor").GetBoolean());
        var notices = await notice.GetFromJsonAsync<JsonElement>($"/notice/notices?applicationId={id}", Ct);
        Assert.Equal(instance.GetProperty("noticeId").GetGuid(), Assert.Single(notices.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(5, instance.GetProperty("transitions").GetArrayLength()); // … ExpertReview → AwaitingMeeting → AwaitingNotice …
    }

    /// <summary>
    /// Review's steps (R-A13-EXPERT, R-A13-MEETING): five experts join the pool, the committee draws a panel, each expert
    /// (signed in as themselves) declares no conflict and scores, and the supported case goes on today's meeting agenda.
    /// </summary>
    private static async Task PassExpertReviewOntoTodaysAgenda(HttpClient committee, Uri reviewUrl, Guid id)
    {
        var batch = Random.Shared.Next(1_000_000, 9_999_999);
        for (var i = 0; i < 5; i++)
        {
            var expert = new
            {
                userId = $"sys-expert-{batch}-{i}", name = $"专家{i}", employerName = "某大学", employerUscc = $"121000{batch}{i:D4}X", title = "教授",
                fields = new[] { "new-materials" },
            };
            Assert.Equal(HttpStatusCode.OK, (await committee.PostAsJsonAsync("/review/experts", expert, Ct)).StatusCode);
        }

        var formed = await committee.PostAsJsonAsync($"/review/cases/{id}/panel", new { }, Ct);
        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        var panel = await formed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var panelId = panel.GetProperty("id").GetGuid();
        var issuer = new TokenIssuer(Microsoft.Extensions.Options.Options.Create(new AuthOptions()), TimeProvider.System);
        foreach (var member in panel.GetProperty("members").EnumerateArray())
        {
            var userId = member.GetProperty("expertUserId").GetString()!;
            using var expert = new HttpClient { BaseAddress = reviewUrl };
            expert.DefaultRequestHeaders.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issuer.Issue(userId, userId, [Roles.Expert]));
            Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, Ct)).StatusCode);
            var score = new { significance = 85, foundation = 85, team = 85, innovation = 85, integration = 85, content = 85, targets = 85, funding = 85, support = true };
            Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panelId}/score", score, Ct)).StatusCode);
        }

        var today = Zgc.SharedKernel.BeijingTime.Today(TimeProvider.System);
        var meeting = await committee.PostAsJsonAsync("/review/meetings", new { date = today, title = "主任办公会", applicationIds = new[] { id } }, Ct);
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
    }

    private static async Task<JsonElement> WaitForState(HttpClient client, Guid id, string state)
    {
        JsonElement last = default;
        await Eventually.True(async () =>
        {
            var response = await client.GetAsync($"/workflows/instances/{id}", Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            last = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return last.GetProperty("currentState").GetString() == state;
        }, $"instance {id} in {state}", TimeSpan.FromSeconds(60));
        return last;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        await PostgresDatabases.DropAll(_run);
    }
}
