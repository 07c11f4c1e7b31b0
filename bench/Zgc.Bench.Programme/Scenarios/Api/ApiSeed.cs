using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios.Api;

/// <summary>
/// Fills the programme through its APIs before the load, as its users would have: units register, submit applications
/// to several sub-parks, officers recommend some (so review has cases), a few go through the expert panel and the meeting
/// to their notice and agreement (so the public and funding lists are not empty), and applicants keep drafts open.
/// </summary>
internal static class ApiSeed
{
    private const int Concurrency = 8;

    public static async Task<ApiPools> Run(ApiActors actors, IProgrammeHost host, int stored, int agreements, int drafts)
    {
        var clock = Stopwatch.StartNew();
        var pools = new ApiPools();
        await Parallel.ForEachAsync(Enumerable.Range(0, actors.Units.Count), Options,
            async (unit, ct) => await LifecycleDriver.Ensure(await actors.Applicant("intake", unit).PutAsJsonAsync("/intake/units/mine", actors.UnitBody(unit), ct)));

        var submitted = new SeededApplication[stored];
        await Parallel.ForEachAsync(Enumerable.Range(0, stored), Options, async (n, ct) =>
        {
            var unit = n % actors.Units.Count;
            var id = await CreateDraft(actors, unit, n, ct);
            var response = await actors.Applicant("intake", unit).PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), ct);
            await LifecycleDriver.Ensure(response);
            submitted[n] = new SeededApplication(id, unit, ApiActors.SubParkOf(unit));
        });
        pools.Submitted.AddRange(submitted);
        Console.WriteLine($"  seeded {stored} submitted applications in {clock.Elapsed.TotalSeconds:0.0} s");

        // One in ten is recommended by its sub-park (a review case opens); the rest wait for their officer to accept them.
        var recommended = submitted.Where((_, i) => i % 10 == 0).ToList();
        await WaitForInstances(host, stored);
        await Parallel.ForEachAsync(recommended, Options,
            async (a, ct) => await IntakeWalk.Recommend(actors.Officer(a.SubPark), a.Id, cancellationToken: ct));
        pools.ReviewCases.AddRange(recommended.Select(a => a.Id));
        foreach (var a in submitted.Where((_, i) => i % 10 != 0).OrderBy(a => a.Id))
        {
            pools.AwaitingAcceptance.Enqueue(a);
        }

        await foreach (var (id, unit) in Drafts(actors, 2 * drafts))
        {
            if (pools.EditableDrafts.Count < drafts)
            {
                pools.EditableDrafts.Add((id, unit));
            }
            else
            {
                pools.DraftsToSubmit.Enqueue((id, unit));
            }
        }

        pools.Agreements.AddRange(await ToAgreements(host, agreements));
        await Eventually.True(async () => (await Count(host, "ExpertReview")) >= recommended.Count, "the recommended applications in expert review",
            TimeSpan.FromMinutes(2));
        Console.WriteLine($"  seeding done in {clock.Elapsed.TotalSeconds:0.0} s: {stored} submitted ({recommended.Count} recommended), " +
            $"{pools.Agreements.Count} agreements, {drafts} drafts kept open, {pools.DraftsToSubmit.Count} drafts to submit");
        return pools;
    }

    private static ParallelOptions Options => new() { MaxDegreeOfParallelism = Concurrency };

    /// <summary>A new draft of <paramref name="unit"/> (platform names numbered, so the lists and searches see distinct rows).</summary>
    public static async Task<Guid> CreateDraft(ApiActors actors, int unit, int n, CancellationToken cancellationToken)
    {
        var body = IntakePayloads.Application(ApiActors.SubParkOf(unit), platformName: $"协同创新平台{n + 1}号");
        using var created = await actors.Applicant("intake", unit).PostAsJsonAsync("/intake/applications", body, cancellationToken);
        await LifecycleDriver.Ensure(created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    private static async IAsyncEnumerable<(Guid Id, int Unit)> Drafts(ApiActors actors, int count)
    {
        var made = new (Guid, int)[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options, async (n, ct) =>
        {
            var unit = n % actors.Units.Count;
            made[n] = (await CreateDraft(actors, unit, 1_000_000 + n, ct), unit);
        });
        foreach (var draft in made)
        {
            yield return draft;
        }
    }

    /// <summary>
    /// A few applications through the panel and the meeting, their notice period over without objection: funding drafts
    /// their agreements and the public notice list has them. Each on its own driver (a driver's clients are not shared).
    /// </summary>
    private static async Task<List<Guid>> ToAgreements(IProgrammeHost host, int count)
    {
        var drivers = Enumerable.Range(0, count).Select(_ => new LifecycleDriver(host, CancellationToken.None)).ToList();
        try
        {
            var units = Enumerable.Range(0, count).Select(n => IntakePayloads.WithCheckCharacter($"91110108MB{n:D6}X")).ToList();
            var ids = await Task.WhenAll(drivers.Select((d, n) => d.ToInNotice(units[n])));
            var notices = await Task.WhenAll(drivers.Select((d, n) => d.Notice(ids[n])));
            await drivers[0].PastNoticeEnd(notices.MaxBy(n => n.GetProperty("closesAt").GetDateTimeOffset()));
            await Task.WhenAll(drivers.Select((d, n) => d.WaitForState(ids[n], "Included", TimeSpan.FromMinutes(2))));
            var agreements = await Task.WhenAll(drivers.Select((d, n) => d.Agreement(ids[n])));
            return [.. agreements.Select(a => a.GetProperty("id").GetGuid())];
        }
        finally
        {
            foreach (var driver in drivers)
            {
                driver.Dispose();
            }
        }
    }

    private static Task WaitForInstances(IProgrammeHost host, int count) =>
        Eventually.True(async () => await Count(host, null) >= count, $"{count} lifecycle instances", TimeSpan.FromMinutes(3));

    /// <summary>Lifecycle instances in <paramref name="state"/> (all when null), from the operators' counts.</summary>
    private static async Task<int> Count(IProgrammeHost host, string? state)
    {
        using var committee = host.Client("workflows", Zgc.ServiceDefaults.Roles.CommitteeOfficer);
        var counts = await committee.GetFromJsonAsync<JsonElement>("/workflows/counts");
        return counts.EnumerateArray().Where(c => state is null || c.GetProperty("state").GetString() == state).Sum(c => c.GetProperty("count").GetInt32());
    }
}
