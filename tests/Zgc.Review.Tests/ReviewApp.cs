using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Review.Contracts;
using Zgc.Review.Features;
using Zgc.Review.Features.Meetings;
using Zgc.Review.Features.Panels;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Review.Tests;

public class ReviewApp : ServiceAppFactory<Program>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static OpenReviewCase NewCase(Guid? applicationId = null, IReadOnlyList<string>? integrated = null, string? subArea = null) => new(
        applicationId ?? Guid.NewGuid(),
        "91110108MA01ABCD1X",
        "北京示例科技有限公司",
        "高精尖协同创新平台（示例）",
        "next-generation-it",
        "haidian",
        subArea,
        integrated,
        1,
        80_000_000_00,
        60_000_000_00);

    /// <summary>A well-formed USCC numbered <paramref name="n"/>.</summary>
    public static string Uscc(int n) => $"91110108MA{n:D7}X";

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>Hands the case to review the way the workflows service does: an <see cref="OpenReviewCase"/> on the bus.</summary>
    public async Task Open(OpenReviewCase message, Guid? messageId = null)
    {
        if (messageId is { } id)
        {
            await Bus.Publish(message, context => context.MessageId = id, Ct);
        }
        else
        {
            await Bus.Publish(message, Ct);
        }
    }

    /// <summary>Opens a case and waits until the review API shows it.</summary>
    public async Task<ReviewCaseView> OpenAndWait(OpenReviewCase? message = null)
    {
        message ??= NewCase();
        await Open(message);
        using var officer = ClientFor(Roles.CommitteeOfficer);
        var path = $"/review/cases/{message.ApplicationId}";
        await Eventually.True(async () => (await officer.GetAsync(path, Ct)).StatusCode == HttpStatusCode.OK, "the review case to open");
        return (await officer.GetFromJsonAsync<ReviewCaseView>(path, Ct))!;
    }

    /// <summary>Adds <paramref name="count"/> new experts of <paramref name="field"/>; returns their user ids.</summary>
    public async Task<List<string>> AddExperts(int count, string field = "next-generation-it", string? subArea = null, string? employerUscc = null,
        int employerNumber = 9_000_000)
    {
        using var officer = ClientFor(Roles.CommitteeOfficer);
        var batch = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var userId = $"expert-{batch}-{i}";
            var response = await officer.PostAsJsonAsync("/review/experts", new
            {
                userId,
                name = $"专家{i}",
                employerName = "某大学",
                employerUscc = employerUscc ?? Uscc(employerNumber + i),
                title = "教授",
                fields = new[] { field },
                subAreas = subArea is null ? Array.Empty<string>() : [subArea],
            }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add(userId);
        }

        return ids;
    }

    public async Task<PanelView> FormPanel(Guid applicationId, long? seed = null)
    {
        using var officer = ClientFor(Roles.CommitteeOfficer);
        var response = await officer.PostAsJsonAsync($"/review/cases/{applicationId}/panel", new { seed }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PanelView>(Ct))!;
    }

    public HttpClient Expert(string userId) => ClientFor(Roles.Expert, user: userId);

    public static object Score(decimal each, bool support = true, string? comment = "意见") => new
    {
        significance = each, foundation = each, team = each, innovation = each, integration = each, content = each, targets = each, funding = each,
        comment, support,
    };

    /// <summary>The expert declares no conflict and submits <paramref name="each"/> for every criterion.</summary>
    public async Task<HttpResponseMessage> DeclareAndScore(Guid panelId, string userId, decimal each, bool support = true)
    {
        using var expert = Expert(userId);
        var declared = await expert.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        return await expert.PostAsJsonAsync($"/review/assignments/{panelId}/score", Score(each, support), Ct);
    }

    /// <summary>Declaration then score, returning the first failure's status (or OK).</summary>
    public async Task<HttpStatusCode> DeclareAndScoreOrNull(Guid panelId, string userId)
    {
        using var expert = Expert(userId);
        var declared = await expert.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, Ct);
        if (declared.StatusCode != HttpStatusCode.OK)
        {
            return declared.StatusCode;
        }

        return (await expert.PostAsJsonAsync($"/review/assignments/{panelId}/score", Score(80), Ct)).StatusCode;
    }

    public async Task<PanelView> Panel(Guid panelId)
    {
        using var officer = ClientFor(Roles.CommitteeOfficer);
        return (await officer.GetFromJsonAsync<PanelView>($"/review/panels/{panelId}", Ct))!;
    }

    /// <summary>A case whose five-expert panel scored 80 and supported it: ready for the meeting.</summary>
    public async Task<Guid> SupportedCase()
    {
        var opened = await OpenAndWait();
        await AddExperts(5);
        var panel = await FormPanel(opened.ApplicationId);
        foreach (var member in panel.Members)
        {
            Assert.Equal(HttpStatusCode.OK, (await DeclareAndScore(panel.Id, member.ExpertUserId, 80m)).StatusCode);
        }

        return opened.ApplicationId;
    }

    public async Task<MeetingView> ScheduleMeeting(DateOnly date, params Guid[] applicationIds)
    {
        using var officer = ClientFor(Roles.CommitteeOfficer);
        var response = await officer.PostAsJsonAsync("/review/meetings", new { date, title = $"主任办公会 {date:yyyy-MM-dd}", applicationIds }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MeetingView>(Ct))!;
    }

    public static DateOnly Today => Zgc.SharedKernel.BeijingTime.Today(TimeProvider.System);
}
