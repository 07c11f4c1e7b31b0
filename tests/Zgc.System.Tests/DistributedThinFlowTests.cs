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
        using var applicant = StandaloneTokens.Client(Url("Zgc.Intake"), Roles.Applicant, unit: "91110108MA01ABCD1X");
        using var officer = StandaloneTokens.Client(Url("Zgc.Intake"), Roles.SubParkOfficer, subPark: "chaoyang");
        using var review = StandaloneTokens.Client(Url("Zgc.Review"), Roles.CommitteeOfficer);
        using var workflows = StandaloneTokens.Client(Url("Zgc.Workflows"), Roles.CommitteeOfficer);
        using var notice = StandaloneTokens.Client(Url("Zgc.Notice"), null);

        var submitted = await applicant.PostAsJsonAsync("/intake/applications", new
        {
            unitName = "北京分布式测试有限公司",
            platformName = "新材料协同创新平台",
            industryField = "new-materials",
            subPark = "chaoyang",
            totalInvestmentFen = 55_000_000_00L,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        await WaitForState(workflows, id, "SubParkReview");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/intake/applications/{id}/recommend", new { opinion = "推荐" }, Ct)).StatusCode);
        await WaitForState(workflows, id, "ExpertReview");
        await Eventually.True(async () => (await review.GetAsync($"/review/cases/{id}", Ct)).StatusCode == HttpStatusCode.OK, "the review case");

        var decided = await review.PostAsJsonAsync($"/review/cases/{id}/meeting-decision", new { approve = true, especiallyMajor = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var instance = await WaitForState(workflows, id, "InNotice");
        Assert.True(instance.GetProperty("especiallyMajor").GetBoolean());
        var notices = await notice.GetFromJsonAsync<JsonElement>($"/notice/notices?applicationId={id}", Ct);
        Assert.Equal(instance.GetProperty("noticeId").GetGuid(), Assert.Single(notices.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(4, instance.GetProperty("transitions").GetArrayLength());
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
