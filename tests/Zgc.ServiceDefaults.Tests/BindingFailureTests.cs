using System.Net;
using System.Text;
using System.Text.Json;
using Zgc.Testing;

namespace Zgc.ServiceDefaults.Tests;

/// <summary>An intake host with the platform's defaults.</summary>
public sealed class IntakeDefaultsApp : ServiceAppFactory<Zgc.Intake.Program>;

/// <summary>
/// A value the endpoint cannot bind is bad input like any other: a 400 ProblemDetails that names the field, in English and
/// Chinese, rather than the framework's bare 400 (DESIGN.md, Input).
/// </summary>
public sealed class BindingFailureTests(IntakeDefaultsApp app) : IClassFixture<IntakeDefaultsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_value_of_the_wrong_kind_is_a_400_naming_the_parameter()
    {
        using var officer = app.ClientFor(Roles.SubParkOfficer, subPark: "haidian");

        using var response = await officer.GetAsync("/intake/applications?submittedFrom=yesterday", Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("request-format", problem.GetProperty("rule").GetString());
        Assert.Equal("submittedFrom", problem.GetProperty("field").GetString());
        Assert.Contains("submittedFrom", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_field_of_the_wrong_kind_is_a_400_naming_its_path()
    {
        using var admin = app.ClientFor(Roles.Admin);
        using var content = new StringContent("{\"unitUscc\": \"91110108MA01A2B3C4\", \"debarredAt\": \"last spring\"}", Encoding.UTF8, "application/json");

        using var response = await admin.PostAsync("/intake/debarments", content, Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("request-format", problem.GetProperty("rule").GetString());
        Assert.Equal("$.debarredAt", problem.GetProperty("field").GetString());
        Assert.Equal(0, await app.InDb<Zgc.Intake.Persistence.IntakeDbContext, int>(db => Task.FromResult(db.Debarments.Count())));
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_is_still_a_400_problem()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01A2B3C4");
        using var content = new StringContent("{ not json", Encoding.UTF8, "application/json");

        using var response = await applicant.PostAsync("/intake/applications", content, Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("request-format", problem.GetProperty("rule").GetString());
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
