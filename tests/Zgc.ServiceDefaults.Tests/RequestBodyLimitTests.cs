using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zgc.Testing;

namespace Zgc.ServiceDefaults.Tests;

/// <summary>An intake host whose body limit is small enough to cross cheaply.</summary>
public sealed class SmallBodyLimitApp : ServiceAppFactory<Zgc.Intake.Program>
{
    public const int Limit = 4096;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Issue 11, hardening: one body limit for every JSON endpoint, refused before anything is read or stored.</summary>
public sealed class RequestBodyLimitTests(SmallBodyLimitApp app) : IClassFixture<SmallBodyLimitApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_json_body_over_the_limit_is_refused_with_413_problem_details_naming_the_rule()
    {
        using var client = app.ClientFor(Roles.Applicant, unit: "91110108MA01A2B3C4");
        var huge = new { title = new string('x', SmallBodyLimitApp.Limit * 2) };

        using var response = await client.PostAsJsonAsync("/intake/applications", huge, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("request-size", problem.RootElement.GetProperty("rule").GetString());
        Assert.Contains("4,096", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.InDb<Zgc.Intake.Persistence.IntakeDbContext, int>(db => Task.FromResult(db.Applications.Count())));
    }

    [Fact]
    public async Task A_body_under_the_limit_reaches_the_endpoint()
    {
        using var client = app.ClientFor(Roles.Applicant, unit: "91110108MA01A2B3C4");
        using var content = new StringContent("{\"title\":", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/intake/applications", content, Ct);

        // Malformed, but small: the endpoint's own binding answers, not the size limit.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_multipart_upload_is_left_to_its_endpoint_and_its_own_larger_limit()
    {
        using var client = app.ClientFor(Roles.Applicant, unit: "91110108MA01A2B3C4");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[SmallBodyLimitApp.Limit * 4]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "plan.pdf");

        using var response = await client.PostAsync($"/intake/applications/{Guid.NewGuid()}/attachments", form, Ct);

        // No such application: the endpoint ran (404), the JSON limit did not stop the upload.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
