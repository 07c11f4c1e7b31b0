using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Intake.Features.Applications;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Features;

public sealed class QueryAndIdempotencyTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_filters_by_status_sub_park_field_and_date_searches_and_pages()
    {
        var unit = IntakeApp.NewUnit();
        await app.Submit("haidian", unit, IntakePayloads.Application("haidian", platformName: "量子通信平台甲"));
        await app.Submit("chaoyang", unit, IntakePayloads.Application("chaoyang", "bio-health", "cro", "生物医药平台乙"));
        await app.CreateDraft(unit, IntakePayloads.Application("haidian", platformName: "草稿平台丙"));
        using var applicant = app.Applicant(unit);

        var all = await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications", Ct);
        Assert.Equal(3, all!.Total);
        Assert.Equal(2, (await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications?status=submitted", Ct))!.Total);
        Assert.Equal("草稿平台丙", Assert.Single((await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications?status=Draft", Ct))!.Items).PlatformName);
        Assert.Equal("chaoyang", Assert.Single((await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications?subPark=chaoyang", Ct))!.Items).SubPark);
        Assert.Equal("生物医药平台乙", Assert.Single((await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications?industryField=bio-health", Ct))!.Items).PlatformName);
        Assert.Equal("量子通信平台甲", Assert.Single((await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications?q=量子", Ct))!.Items).PlatformName);

        var today = Zgc.SharedKernel.BeijingTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = Zgc.SharedKernel.BeijingTime.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, (await applicant.GetFromJsonAsync<Page<ApplicationSummary>>($"/intake/applications?submittedFrom={today}&submittedTo={today}", Ct))!.Total);
        Assert.Equal(0, (await applicant.GetFromJsonAsync<Page<ApplicationSummary>>($"/intake/applications?submittedTo={yesterday}", Ct))!.Total);

        var page2 = await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications?page=2&pageSize=2", Ct);
        Assert.Equal(3, page2!.Total);
        Assert.Single(page2.Items);
        Assert.DoesNotContain(page2.Items[0].Id, (await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications?page=1&pageSize=2", Ct))!.Items.Select(i => i.Id));
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task A_sub_park_officer_lists_only_submitted_applications_of_the_own_sub_park()
    {
        var unit = IntakeApp.NewUnit();
        var pinggu = await app.Submit("pinggu", unit, IntakePayloads.Application("pinggu"));
        await app.Submit("yanqing", unit, IntakePayloads.Application("yanqing"));
        await app.CreateDraft(unit, IntakePayloads.Application("pinggu"));

        using var officer = app.Officer("pinggu");
        var list = await officer.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications", Ct);
        Assert.Equal(pinggu.Id, Assert.Single(list!.Items).Id);
    }

    [Theory]
    [InlineData("status=nonsense", "status")]
    [InlineData("subPark=pudong", "subPark")]
    [InlineData("industryField=space", "industryField")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        using var officer = app.Officer();
        var response = await officer.GetAsync($"/intake/applications?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Creating_twice_with_the_same_Idempotency_Key_gives_the_same_application()
    {
        var unit = IntakeApp.NewUnit();
        using var applicant = app.Applicant(unit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
        var body = IntakePayloads.Application();

        var first = await Send(applicant, "/intake/applications", body, "create-1");
        var second = await Send(applicant, "/intake/applications", body, "create-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var a = await first.Content.ReadFromJsonAsync<ApplicationView>(Ct);
        var b = await second.Content.ReadFromJsonAsync<ApplicationView>(Ct);
        Assert.Equal(a!.Id, b!.Id);
        Assert.Equal(1, (await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications", Ct))!.Total);

        body["platformName"] = "另一个平台";
        var reused = await Send(applicant, "/intake/applications", body, "create-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        var problem = await reused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Idempotency-Key", problem.GetProperty("field").GetString());
        Assert.Contains("different request body", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await Send(applicant, "/intake/applications", body, "create-2")).StatusCode);
    }

    [Fact]
    public async Task An_Idempotency_Key_answer_is_forgotten_after_the_retention_and_the_key_is_new_again()
    {
        var unit = IntakeApp.NewUnit();
        using var applicant = app.Applicant(unit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
        var body = IntakePayloads.Application();
        Assert.Equal(HttpStatusCode.Created, (await Send(applicant, "/intake/applications", body, "expiring")).StatusCode);

        // A fresh answer survives a clean-up; one older than the retention (24 h by default) does not.
        var cleanup = app.Services.GetRequiredService<Zgc.Intake.Features.IdempotencyCleanup>();
        await cleanup.RemoveExpired(Ct);
        body["platformName"] = "重新使用键的平台";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Send(applicant, "/intake/applications", body, "expiring")).StatusCode);

        await app.InDb<Zgc.Intake.Persistence.IntakeDbContext, int>(db => db.IdempotencyRecords.Where(r => r.Key == "expiring")
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddHours(-25)), Ct));
        Assert.True(await cleanup.RemoveExpired(Ct) >= 1);
        Assert.Equal(HttpStatusCode.Created, (await Send(applicant, "/intake/applications", body, "expiring")).StatusCode);
        Assert.Equal(2, (await applicant.GetFromJsonAsync<Page<ApplicationSummary>>("/intake/applications", Ct))!.Total);
    }

    [Fact]
    public async Task Submitting_twice_with_the_same_Idempotency_Key_answers_the_first_result_instead_of_a_409()
    {
        var unit = IntakeApp.NewUnit();
        var id = await app.CreateDraft(unit);
        using var applicant = app.Applicant(unit);

        var first = await Send(applicant, $"/intake/applications/{id}/submit", IntakePayloads.Submit(), "submit-1");
        var again = await Send(applicant, $"/intake/applications/{id}/submit", IntakePayloads.Submit(), "submit-1");
        var withoutKey = await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<ApplicationView>(Ct))!.CurrentVersion);
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }
}
