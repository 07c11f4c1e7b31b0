using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Zgc.ServiceDefaults;

namespace Zgc.Audit.Tests;

/// <summary>Operators find entries by user, target, action text and time, a page at a time.</summary>
public sealed class SearchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ClockedApp _app;
    private readonly string _firstApplication = Guid.NewGuid().ToString();
    private readonly string _secondApplication = Guid.NewGuid().ToString();

    public SearchTests() => _app = new ClockedApp(_clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // One entry an hour: 02:00 zhao decides the first, 03:00 qian the second, 04:00 zhao returns the second, 05:00 a system timer.
        await Append("committee-decision", "zhao", "赵六", _firstApplication);
        await Append("committee-decision", "qian", "钱七", _secondApplication);
        await Append("return-application", "zhao", "赵六", _secondApplication);
        await Append("deadline-expired", null, null, _firstApplication);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_user_filter_matches_the_id_or_the_name()
    {
        Assert.Equal([3L, 1L], (await Search("user=zhao")).Select(e => e.Sequence));
        Assert.Equal([2L], (await Search("user=钱七")).Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_target_filter_finds_entries_about_one_record()
    {
        Assert.Equal([4L, 1L], (await Search("target=" + _firstApplication)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_action_filter_matches_action_route_endpoint_or_path_text()
    {
        Assert.Equal([2L, 1L], (await Search("action=decision")).Select(e => e.Sequence));

        using var applicant = _app.Client(Roles.Applicant, Zgc.Testing.IntakePayloads.DefaultUnit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", Zgc.Testing.IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
        Assert.Equal([5L], (await Search("action=units/mine")).Select(e => e.Sequence));
        Assert.Equal([5L], (await Search("action=RegisterUnit")).Select(e => e.Sequence));
    }

    [Fact]
    public async Task From_is_inclusive_and_to_exclusive()
    {
        var from = Uri.EscapeDataString(Start.AddHours(1).ToString("O"));
        var to = Uri.EscapeDataString(Start.AddHours(3).ToString("O"));
        Assert.Equal([2L, 1L], (await Search($"from={from}&to={to}")).Select(e => e.Sequence));
        Assert.Equal([2L], (await Search($"from={from}&to={to}&user=qian")).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Pages_are_newest_first_with_the_total_in_a_header()
    {
        using var admin = _app.Client(Roles.Admin);
        var response = await admin.GetAsync("/intake/audit?pageSize=3&page=2", Ct);
        response.EnsureSuccessStatusCode();

        Assert.Equal("4", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal([1L], (await response.Content.ReadFromJsonAsync<List<AuditEntryView>>(Ct))!.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("from=2026-03-02T05:00:00Z&to=2026-03-02T04:00:00Z", "to")]
    public async Task Bad_paging_or_period_is_a_400_naming_the_field(string query, string field)
    {
        using var admin = _app.Client(Roles.Admin);
        var response = await admin.GetAsync("/intake/audit?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task Append(string action, string? user, string? name, string target)
    {
        _clock.Advance(TimeSpan.FromHours(1));
        await _app.Log.AppendAsync(new AuditRecord
        {
            Action = action,
            UserId = user,
            UserName = name,
            Target = new Dictionary<string, string?> { ["applicationId"] = target },
        }, Ct);
    }

    private async Task<List<AuditEntryView>> Search(string query)
    {
        using var monitoring = _app.Client(Roles.MonitoringOfficer);
        return (await monitoring.GetFromJsonAsync<List<AuditEntryView>>("/intake/audit?" + query, Ct))!;
    }

    private sealed class ClockedApp(FakeTimeProvider clock) : AuditedIntakeApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }

        /// <summary>A client whose token is valid by the real clock (the server validates tokens against real time).</summary>
        public HttpClient Client(string role, string? unit = null)
        {
            var client = CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Zgc.Testing.StandaloneTokens.For(role, unit));
            return client;
        }
    }
}
