using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zgc.Testing;

/// <summary>The usual path through intake over HTTP, for tests that need an application further along.</summary>
public static class IntakeWalk
{
    /// <summary>Registers the applicant's unit (if needed), creates the application and submits it; returns its id.</summary>
    public static async Task<Guid> SubmitEligible(HttpClient applicant, JsonObject? application = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var unit = await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), cancellationToken);
        await Ensure(unit, cancellationToken);

        var created = await applicant.PostAsJsonAsync("/intake/applications", application ?? IntakePayloads.Application(), cancellationToken);
        await Ensure(created, cancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();

        var submitted = await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), cancellationToken);
        await Ensure(submitted, cancellationToken);
        var status = (await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString();
        return status == "Submitted" ? id : throw new InvalidOperationException($"Application {id} was screened {status}, not Submitted.");
    }

    /// <summary>The sub-park officer accepts, reviews and recommends the application.</summary>
    public static async Task Recommend(HttpClient officer, Guid id, int ranking = 1, string comment = "择优推荐", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await Ensure(await officer.PostAsJsonAsync($"/intake/applications/{id}/accept", new { }, cancellationToken), cancellationToken);
        await Ensure(await officer.PostAsJsonAsync($"/intake/applications/{id}/preliminary-review", new { opinion = "材料齐全，符合条件" }, cancellationToken),
            cancellationToken);
        await Ensure(await officer.PostAsJsonAsync($"/intake/applications/{id}/recommend", new { ranking, comment }, cancellationToken), cancellationToken);
    }

    private static async Task Ensure(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
