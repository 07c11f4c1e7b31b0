using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Expert;

/// <summary>
/// The step before the expert pages: the five seeded console experts ("expert", "expert-2" … "expert-5") join the pool
/// in the application's field and the committee draws the panel over the API, so the drawn experts are people who can
/// sign in to the console.
/// </summary>
internal static class ConsoleExpertPanel
{
    public static readonly string[] Experts = ["expert", "expert-2", "expert-3", "expert-4", "expert-5"];

    /// <summary>Submitted and recommended: the application waits for its panel in review.</summary>
    public static async Task<Guid> ToExpertReview(LifecycleDriver driver, string unit)
    {
        var id = await driver.Submit(unit);
        await driver.Recommend(id);
        await driver.WaitForState(id, "ExpertReview");
        return id;
    }

    /// <summary>Puts the console experts in the pool (idempotent: the pool is keyed by user id) and draws the panel; returns its id.</summary>
    public static async Task<Guid> Draw(LifecycleDriver driver, Guid applicationId, CancellationToken cancellationToken)
    {
        var committee = driver.As("review", Roles.CommitteeOfficer);
        await Eventually.True(async () => (await committee.GetAsync($"/review/cases/{applicationId}", cancellationToken)).StatusCode == HttpStatusCode.OK,
            $"the review case of {applicationId}");
        for (var i = 0; i < Experts.Length; i++)
        {
            var expert = new
            {
                userId = Experts[i], name = $"控制台专家{i + 1}", employerName = "某研究院", employerUscc = IntakePayloads.WithCheckCharacter($"12100000MB{i + 1:D7}"),
                title = "研究员", fields = new[] { "next-generation-it" },
            };
            await LifecycleDriver.Ensure(await committee.PostAsJsonAsync("/review/experts", expert, cancellationToken));
        }

        var formed = await committee.PostAsJsonAsync($"/review/cases/{applicationId}/panel", new { }, cancellationToken);
        await LifecycleDriver.Ensure(formed);
        return (await formed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }
}
