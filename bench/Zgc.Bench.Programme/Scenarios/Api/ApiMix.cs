using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios.Api;

/// <summary>
/// One endpoint of the mix as its user calls it. <see cref="Call"/> answers null (no request) when its pool is used up
/// (nothing to submit or accept): the arrival is skipped and counted, not measured.
/// </summary>
internal sealed record ApiEndpoint(string Name, bool Write, int Weight, Func<Random, Task<HttpResponseMessage>?> Call);

/// <summary>
/// The requests of the load, weighted as the programme's users make them: about 70 % reads (officers' lists and detail
/// pages, the operators' instance views and counts, the agreements list, the public notices) and 30 % writes (applicants
/// creating, editing and submitting, officers accepting, the committee keeping the expert pool).
/// </summary>
internal static class ApiMix
{
    private static readonly string[] ExpertFields = ["next-generation-it"];

    public static IReadOnlyList<ApiEndpoint> Endpoints(ApiActors actors, ApiPools pools)
    {
        var expert = 0;
        var draft = 0;
        return
        [
            new("GET /intake/applications (sub-park officer, first page)", false, 10,
                r => actors.Officer(Pick(r, ApiActors.SubParks)).GetAsync("/intake/applications?page=1&pageSize=20")),
            new("GET /intake/applications (committee, submitted, page 2)", false, 8,
                _ => actors.Committee("intake").GetAsync("/intake/applications?status=Submitted&page=2&pageSize=20")),
            new("GET /intake/applications (applicant, own)", false, 5,
                r => actors.Applicant("intake", r.Next(actors.Units.Count)).GetAsync("/intake/applications?pageSize=100")),
            new("GET /intake/applications/{id} (sub-park officer)", false, 12, r =>
            {
                var a = Pick(r, pools.Submitted);
                return actors.Officer(a.SubPark).GetAsync($"/intake/applications/{a.Id}");
            }),
            new("GET /workflows/instances (committee)", false, 8, _ => actors.Committee("workflows").GetAsync("/workflows/instances")),
            new("GET /workflows/instances/{id} (committee)", false, 10,
                r => actors.Committee("workflows").GetAsync($"/workflows/instances/{Pick(r, pools.Submitted).Id}")),
            new("GET /workflows/counts (committee)", false, 4, _ => actors.Committee("workflows").GetAsync("/workflows/counts")),
            new("GET /funding/agreements (committee)", false, 5, _ => actors.Committee("funding").GetAsync("/funding/agreements")),
            new("GET /review/cases/{id} (committee)", false, 4,
                r => actors.Committee("review").GetAsync($"/review/cases/{Pick(r, pools.ReviewCases)}")),
            new("GET /notice/notices (public)", false, 4, _ => actors.Public("notice").GetAsync("/notice/notices")),

            new("POST /intake/applications (applicant, new draft)", true, 8, async r =>
            {
                var unit = r.Next(actors.Units.Count);
                var n = Interlocked.Increment(ref draft);
                var response = await actors.Applicant("intake", unit).PostAsJsonAsync("/intake/applications",
                    IntakePayloads.Application(ApiActors.SubParkOf(unit), platformName: $"新建平台{n}号"));
                if (response.IsSuccessStatusCode)
                {
                    // Buffered by HttpClient: reading the id after the clock stopped would not change the latency.
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                    pools.DraftsToSubmit.Enqueue((id, unit));
                }

                return response;
            }),
            new("PUT /intake/applications/{id} (applicant, edit draft)", true, 7, r =>
            {
                var (id, unit) = Pick(r, pools.EditableDrafts);
                return actors.Applicant("intake", unit).PutAsJsonAsync($"/intake/applications/{id}",
                    IntakePayloads.Application(ApiActors.SubParkOf(unit), platformName: $"修改平台{r.Next(1000)}号"));
            }),
            new("POST /intake/applications/{id}/submit (applicant)", true, 7, _ =>
                pools.DraftsToSubmit.TryDequeue(out var d)
                    ? actors.Applicant("intake", d.Unit).PostAsJsonAsync($"/intake/applications/{d.Id}/submit", IntakePayloads.Submit())
                    : null),
            new("POST /intake/applications/{id}/accept (sub-park officer)", true, 3, _ =>
                pools.AwaitingAcceptance.TryDequeue(out var a)
                    ? actors.Officer(a.SubPark).PostAsJsonAsync($"/intake/applications/{a.Id}/accept", new { })
                    : null),
            new("POST /review/experts (committee, expert pool)", true, 5, _ =>
            {
                var n = Interlocked.Increment(ref expert);
                return actors.Committee("review").PostAsJsonAsync("/review/experts", new
                {
                    userId = $"bench-expert-{n}", name = $"专家{n}", employerName = "某大学", employerUscc = $"1210000{n:D10}X", title = "教授",
                    fields = ExpertFields,
                });
            }),
        ];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
