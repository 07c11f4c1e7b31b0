using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Audit.Tests;

/// <summary>The intake service's own host records every state-changing request, and only those.</summary>
public sealed class RequestAuditTests : IAsyncLifetime
{
    private readonly AuditedIntakeApp _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Each_POST_and_PUT_appends_who_what_target_outcome_when_and_ids()
    {
        using var applicant = _app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit, user: "zhang.san");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var id = await IntakeWalk.SubmitEligible(applicant, cancellationToken: Ct);

        var entries = await _app.Entries();
        Assert.Equal(3, entries.Count);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));

        var register = entries[0];
        Assert.Equal(("PUT", "RegisterUnit", "RegisterUnit", 201), (register.Method, register.Action, register.EndpointName, register.StatusCode));
        Assert.Equal("/intake/units/mine", register.Path);

        var created = entries[1];
        Assert.Equal(("POST", "CreateApplication"), (created.Method, created.EndpointName));
        Assert.Contains(created.StatusCode, new int?[] { 200, 201 });

        var submit = entries[2];
        Assert.Equal(AuditKinds.Request, submit.Kind);
        Assert.Equal("SubmitApplication", submit.EndpointName);
        Assert.Equal("/intake/applications/{id:guid}/submit", submit.Route);
        Assert.Equal($"/intake/applications/{id}/submit", submit.Path);
        Assert.Equal($"id={id}", submit.Target);
        Assert.Equal(200, submit.StatusCode);
        Assert.Equal(("zhang.san", "zhang.san"), (submit.UserId, submit.UserName));
        Assert.Equal([Roles.Applicant], submit.Roles);
        Assert.InRange(submit.OccurredAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False(string.IsNullOrEmpty(submit.RequestId));
        Assert.Matches("^[0-9a-f]{32}$", submit.TraceId!);
        Assert.Equal(entries[1].Hash, submit.PreviousHash);
        Assert.Equal(AuditCanonicalForm.GenesisHash, register.PreviousHash);
    }

    [Fact]
    public async Task GETs_append_nothing()
    {
        using var applicant = _app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();

        await applicant.GetAsync("/intake/units/mine", Ct);
        await applicant.GetAsync("/intake/applications", Ct);
        await applicant.GetAsync("/intake/commitment", Ct);
        await _app.Verify();
        await _app.Entries();

        Assert.Single(await _app.Entries());
    }

    [Fact]
    public async Task A_refused_request_is_recorded_with_its_status_and_an_anonymous_401_is_not()
    {
        using var applicant = _app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit, user: "li.si");
        var bad = await applicant.PostAsync("/intake/applications", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var expert = _app.ClientFor(Roles.Expert, user: "wang.wu");
        var forbidden = await expert.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var anonymous = _app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct)).StatusCode);

        var missing = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PostAsJsonAsync($"/intake/applications/{missing}/submit", IntakePayloads.Submit(), Ct)).StatusCode);

        var entries = await _app.Entries();
        Assert.Equal([("li.si", 400), ("wang.wu", 403), ("li.si", 404)], entries.Select(e => (e.UserId!, e.StatusCode!.Value)));
        Assert.Equal($"id={missing}", entries[2].Target);
        Assert.True((await _app.Verify()).Verified);
    }

    [Fact]
    public async Task The_chain_of_a_busy_service_verifies_and_reports_its_head()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var applicant = _app.ClientFor(Roles.Applicant, unit: IntakePayloads.WithCheckCharacter($"91110108MA{i + 1:D7}"), user: $"applicant-{i}");
            ids.Add(await IntakeWalk.SubmitEligible(applicant, cancellationToken: Ct));
        }

        using var officer = _app.ClientFor(Roles.SubParkOfficer, subPark: "haidian");
        await IntakeWalk.Recommend(officer, ids[0], cancellationToken: Ct);

        var verification = await _app.Verify();
        var entries = await _app.Entries();
        Assert.Equal(12, entries.Count);
        Assert.Equal(new AuditVerification(12, true, null, null, 12, entries[^1].Hash), verification);
    }

    [Fact]
    public async Task The_verify_endpoint_answers_in_the_documented_shape()
    {
        using var admin = _app.ClientFor(Roles.Admin);
        var body = await admin.GetFromJsonAsync<JsonElement>("/intake/audit/verify", Ct);
        Assert.Equal(0, body.GetProperty("entries").GetInt64());
        Assert.True(body.GetProperty("verified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("firstBrokenSequence").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
    }
}
