using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Features;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Review.Tests.Features;

public sealed class ReviewEndpointsTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Approve(bool especiallyMajor = false) => new { approve = true, especiallyMajor, reason = (string?)null, minutesReference = "纪要1" };

    [Fact]
    public async Task Listing_cases_without_a_token_is_401()
    {
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/review/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task Listing_cases_as_an_applicant_is_403()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/review/cases", Ct)).StatusCode);
    }

    [Fact]
    public async Task Operators_list_the_cases()
    {
        foreach (var role in Roles.Operators)
        {
            using var client = app.ClientFor(role);
            var response = await client.GetAsync("/review/cases", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task Recording_a_decision_as_an_expert_is_403()
    {
        var view = await app.OpenAndWait();
        using var expert = app.ClientFor(Roles.Expert);

        var response = await expert.PostAsJsonAsync($"/review/cases/{view.ApplicationId}/meeting-decision", Approve(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Recording_a_decision_without_a_token_is_401()
    {
        using var anonymous = app.ClientFor(null);
        var response = await anonymous.PostAsJsonAsync($"/review/cases/{Guid.NewGuid()}/meeting-decision", Approve(), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_case_is_404()
    {
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var unknown = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/review/cases/{unknown}", Ct)).StatusCode);
        var decision = await officer.PostAsJsonAsync($"/review/cases/{unknown}/meeting-decision", Approve(), Ct);
        Assert.Equal(HttpStatusCode.NotFound, decision.StatusCode);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task OpenReviewCase_on_the_bus_opens_a_case_under_review()
    {
        var message = ReviewApp.NewCase();

        var view = await app.OpenAndWait(message);

        Assert.Equal(message.ApplicationId, view.ApplicationId);
        Assert.Equal("UnderReview", view.Stage);
        Assert.Equal(message.UnitUscc, view.UnitUscc);
        Assert.Equal(message.PlatformName, view.PlatformName);
        Assert.Equal(message.SubPark, view.SubPark);
        Assert.Null(view.DecidedAt);

        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var list = await officer.GetFromJsonAsync<List<ReviewCaseView>>("/review/cases", Ct);
        Assert.Contains(list!, c => c.ApplicationId == message.ApplicationId);
    }

    /// <summary>A supported case on the agenda of a meeting held today.</summary>
    private async Task<Guid> OnTodaysAgenda()
    {
        var id = await app.SupportedCase();
        await app.ScheduleMeeting(ReviewApp.Today, id);
        return id;
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task The_committee_officer_approves_PlatformApproved_leaves_through_the_outbox_and_a_second_decision_is_409()
    {
        var id = await OnTodaysAgenda();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var path = $"/review/cases/{id}/meeting-decision";

        var response = await officer.PostAsJsonAsync(path, Approve(), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = await response.Content.ReadFromJsonAsync<ReviewCaseView>(Ct);
        Assert.Equal("Approved", decided!.Stage);
        Assert.Equal("committee-officer-test-user", decided.DecidedBy);
        Assert.NotNull(decided.DecidedAt);
        Assert.Equal("纪要1", decided.MinutesReference);
        var idText = id.ToString();
        await Eventually.True(() => app.InDb<ReviewDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("PlatformApproved") && m.Body.Contains(idText) && m.DeliveredAt != null, Ct)), "PlatformApproved delivered");

        var again = await officer.PostAsJsonAsync(path, new { approve = false, especiallyMajor = false, reason = "Second thoughts", minutesReference = "纪要2" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("R-A13-MEETING", problem.GetProperty("rule").GetString());
        var outboxRows = await app.InDb<ReviewDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
            (m.MessageType.Contains("PlatformApproved") || m.MessageType.Contains("PlatformRejected")) && m.Body.Contains(idText), Ct));
        Assert.Equal(1, outboxRows);
        var stored = await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct);
        Assert.Equal("Approved", stored!.Stage);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_decision_on_a_case_not_on_an_agenda_is_409_and_changes_nothing()
    {
        var opened = await app.OpenAndWait();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsJsonAsync($"/review/cases/{opened.ApplicationId}/meeting-decision", Approve(), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("R-A13-MEETING", problem.GetProperty("rule").GetString());
        var stored = await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{opened.ApplicationId}", Ct);
        Assert.Equal("UnderReview", stored!.Stage);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task Concurrent_decisions_on_one_case_record_exactly_one()
    {
        var id = await OnTodaysAgenda();
        var officers = Enumerable.Range(0, 6).Select(_ => app.ClientFor(Roles.CommitteeOfficer)).ToList();

        var responses = await Task.WhenAll(officers.Select((officer, i) => officer.PostAsJsonAsync(
            $"/review/cases/{id}/meeting-decision",
            i % 2 == 0 ? Approve() : new { approve = false, especiallyMajor = false, reason = "No", minutesReference = "纪要1" }, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var idText = id.ToString();
        var decisions = await app.InDb<ReviewDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
            (m.MessageType.Contains("PlatformApproved") || m.MessageType.Contains("PlatformRejected")) && m.Body.Contains(idText), Ct));
        Assert.Equal(1, decisions);
        foreach (var officer in officers)
        {
            officer.Dispose();
        }
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_rejection_with_its_reason_publishes_PlatformRejected()
    {
        var id = await OnTodaysAgenda();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsJsonAsync($"/review/cases/{id}/meeting-decision",
            new { approve = false, especiallyMajor = false, reason = "专家意见不支持", minutesReference = "纪要1" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = await response.Content.ReadFromJsonAsync<ReviewCaseView>(Ct);
        Assert.Equal("Rejected", decided!.Stage);
        Assert.Equal("专家意见不支持", decided.DecisionReason);
        var idText = id.ToString();
        await Eventually.True(() => app.InDb<ReviewDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("PlatformRejected") && m.Body.Contains(idText) && m.DeliveredAt != null, Ct)), "PlatformRejected delivered");
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_rejection_without_a_reason_is_a_400_naming_the_field()
    {
        var id = await OnTodaysAgenda();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsJsonAsync($"/review/cases/{id}/meeting-decision",
            new { approve = false, especiallyMajor = false, reason = " ", minutesReference = "纪要1" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("reason", problem.GetProperty("field").GetString());
        Assert.Equal("R-A13-MEETING", problem.GetProperty("rule").GetString());
        var stored = await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct);
        Assert.Equal("Supported", stored!.Stage);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public async Task A_rejection_marked_especially_major_is_a_400_under_R_A10_MAJOR()
    {
        var id = await OnTodaysAgenda();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsJsonAsync($"/review/cases/{id}/meeting-decision",
            new { approve = false, especiallyMajor = true, reason = "No", minutesReference = "纪要1", municipalDecisionReference = "京〔2026〕1号" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("R-A10-MAJOR", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_same_OpenReviewCase_delivered_twice_opens_one_case_and_leaves_one_inbox_row()
    {
        var consumed = new ConsumedMessages();
        var handle = app.Bus.ConnectConsumeObserver(consumed);
        try
        {
            var message = ReviewApp.NewCase();
            var messageId = Guid.NewGuid();

            await app.Open(message, messageId);
            await app.Open(message, messageId);

            await Eventually.True(() => Task.FromResult(consumed.Finished(messageId) >= 2), "both deliveries of the message to finish");
            var cases = await app.InDb<ReviewDbContext, int>(db => db.Cases.CountAsync(c => c.ApplicationId == message.ApplicationId, Ct));
            var inbox = await app.InDb<ReviewDbContext, int>(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId, Ct));
            Assert.Equal(1, cases);
            Assert.Equal(1, inbox);
        }
        finally
        {
            handle.Disconnect();
        }
    }

    [Fact]
    public async Task Operators_list_pending_timers_and_applicants_may_not()
    {
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/review/timers", Ct)).StatusCode);
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/review/timers", Ct)).StatusCode);
    }

    [Fact]
    public async Task Health_and_openapi_answer_without_a_token()
    {
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }
}
