using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Intake.Contracts;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;
using Zgc.Workflows.Features;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Features;

/// <summary>
/// Watching an instance (S-OPS: operators watch workflows): the page's entity tag is the instance's version, a request
/// naming it is answered 304, and with <c>Prefer: wait</c> it is held until the instance changes or comes to exist.
/// </summary>
public sealed class InstanceWatchTests(InstanceWatchTests.OneTurnApp app) : IClassFixture<InstanceWatchTests.OneTurnApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One API request worked on at a time: a held long poll must not keep the others out.</summary>
    public sealed class OneTurnApp : WorkflowsAppBase
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Limits:MaxConcurrentRequests"] = "1",
            ["Limits:RequestQueueLimit"] = "100",
        };
    }

    private async Task<Guid> Submitted()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsAppBase.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");
        return id;
    }

    private static HttpRequestMessage Watch(Guid id, string? seen, string? prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/workflows/instances/{id}");
        if (seen is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", seen);
        }

        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        return request;
    }

    private static async Task<string> StateIn(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("currentState").GetString()!;

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_page_carries_the_instance_version_as_its_tag_and_a_request_naming_it_gets_304_without_a_body()
    {
        var id = await Submitted();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        using var first = await officer.GetAsync($"/workflows/instances/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(tag.IsWeak, "the timers' time left changes with the clock, so the tag is weak");

        using var same = await officer.SendAsync(Watch(id, tag.ToString(), null), Ct);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Empty(await same.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(tag, same.Headers.ETag);

        // Another version (or a strong tag of this one, compared weakly) decides as the RFC says.
        using var other = await officer.SendAsync(Watch(id, "W/\"999\"", null), Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var strong = await officer.SendAsync(Watch(id, tag.Tag, null), Ct);
        Assert.Equal(HttpStatusCode.NotModified, strong.StatusCode);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_long_poll_is_answered_the_moment_the_instance_changes_with_the_new_state_and_tag()
    {
        var id = await Submitted();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        using var first = await officer.GetAsync($"/workflows/instances/{id}", Ct);
        var tag = first.Headers.ETag!.ToString();

        var started = Stopwatch.StartNew();
        var poll = officer.SendAsync(Watch(id, tag, "wait=20"), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.False(poll.IsCompleted, "nothing changed yet, so the request is held");

        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", null, DateTimeOffset.UtcNow), Ct);
        using var changed = await poll.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("ExpertReview", await StateIn(changed));
        Assert.NotEqual(tag, changed.Headers.ETag!.ToString());
        Assert.Equal("wait=20", string.Join(",", changed.Headers.GetValues("Preference-Applied")));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"answered when the instance changed, not when the wait ran out ({started.Elapsed})");
        Assert.Equal(0, app.Services.GetRequiredService<InstanceChanges>().Watched);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_transition_that_changes_an_instance_wakes_its_watchers_when_it_commits_without_the_periodic_recheck()
    {
        var id = await Submitted();
        using var watch = app.Services.GetRequiredService<InstanceChanges>().Start(id);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        Assert.False(watch.Changed.IsCompleted, "nothing changed the instance yet");

        // Only the instance's own properties change here (its state, version and dates): the save's notes must see a
        // modified instance, not only an added one.
        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", null, DateTimeOffset.UtcNow), Ct);

        await watch.Changed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await app.WaitForState(id, "ExpertReview");
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_long_poll_for_an_instance_not_yet_created_is_answered_when_it_is()
    {
        var id = Guid.NewGuid();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var poll = officer.SendAsync(Watch(id, null, "wait=20"), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.False(poll.IsCompleted, "no instance yet, so the request is held");

        await app.Bus.Publish(WorkflowsAppBase.Submitted(id), Ct);
        using var created = await poll.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(id, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_long_poll_that_sees_no_change_ends_after_its_wait_with_304_and_an_unknown_instance_with_404()
    {
        var id = await Submitted();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        using var first = await officer.GetAsync($"/workflows/instances/{id}", Ct);

        var started = Stopwatch.StartNew();
        using var unchanged = await officer.SendAsync(Watch(id, first.Headers.ETag!.ToString(), "wait=1"), Ct);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.9), $"held for the wait asked for ({started.Elapsed})");
        Assert.Equal("wait=1", string.Join(",", unchanged.Headers.GetValues("Preference-Applied")));

        using var missing = await officer.SendAsync(Watch(Guid.NewGuid(), null, "wait=1"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, app.Services.GetRequiredService<InstanceChanges>().Watched);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_change_this_process_did_not_commit_such_as_another_replicas_is_seen_by_the_periodic_recheck()
    {
        var id = await Submitted();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        using var first = await officer.GetAsync($"/workflows/instances/{id}", Ct);
        var poll = officer.SendAsync(Watch(id, first.Headers.ETag!.ToString(), "wait=20"), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);

        // A bulk update goes around EF's change tracker, as a commit by another process would: nothing wakes the poll.
        var started = Stopwatch.StartNew();
        await app.InDb<WorkflowsDbContext, int>(db => db.Instances.Where(i => i.CorrelationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version + 1), Ct));
        using var changed = await poll.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"seen at the next recheck (1 s), not at the wait's end ({started.Elapsed})");
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_held_long_poll_gives_up_its_turn_so_other_requests_are_served_meanwhile()
    {
        var id = await Submitted();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        using var first = await officer.GetAsync($"/workflows/instances/{id}", Ct);
        var polls = Enumerable.Range(0, 3).Select(_ => officer.SendAsync(Watch(id, first.Headers.ETag!.ToString(), "wait=20"), Ct)).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);

        // Only one request is worked on at a time here; three held polls must not keep this one waiting.
        using var list = await officer.GetAsync("/workflows/instances?pageSize=5", Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.All(polls, p => Assert.False(p.IsCompleted));

        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", null, DateTimeOffset.UtcNow), Ct);
        foreach (var poll in polls)
        {
            using var changed = await poll.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_wait_that_is_not_a_whole_number_of_seconds_is_refused_naming_the_header()
    {
        var id = await Submitted();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        using var response = await officer.SendAsync(Watch(id, null, "wait=soon"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Prefer", problem.RootElement.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("wait=5", 5)]
    [InlineData("respond-async, wait=7", 7)]
    [InlineData("handling=lenient; x=1, WAIT=8; foo", 8)]
    [InlineData("wait=3600", 30)] // cut to the service's longest wait
    [InlineData("return=minimal", 0)]
    public void The_wait_preference_is_read_as_RFC_7240_writes_it_and_cut_to_the_longest_wait(string? prefer, int seconds)
    {
        var context = new DefaultHttpContext();
        if (prefer is not null)
        {
            context.Request.Headers["Prefer"] = prefer;
        }

        Assert.Equal(TimeSpan.FromSeconds(seconds), InstanceWatch.RequestedWait(context.Request, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_negative_or_fractional_wait_is_refused()
    {
        foreach (var bad in new[] { "wait=-1", "wait=1.5", "wait=" })
        {
            var context = new DefaultHttpContext();
            context.Request.Headers["Prefer"] = bad;
            var error = Assert.Throws<RuleViolationException>(() => InstanceWatch.RequestedWait(context.Request, TimeSpan.FromSeconds(30)));
            Assert.Equal("Prefer", error.Field);
        }
    }
}
