using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Review.Contracts;
using Zgc.Review.Features;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Review.Tests;

public sealed class ReviewApp : ServiceAppFactory<Program>
{
    public static OpenReviewCase NewCase(Guid? applicationId = null) => new(
        applicationId ?? Guid.NewGuid(),
        "91110108MA01ABCD1X",
        "北京示例科技有限公司",
        "高精尖协同创新平台（示例）",
        "next-generation-it",
        "haidian");

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>Hands the case to review the way the workflows service does: an <see cref="OpenReviewCase"/> on the bus.</summary>
    public async Task Open(OpenReviewCase message, Guid? messageId = null)
    {
        if (messageId is { } id)
        {
            await Bus.Publish(message, context => context.MessageId = id, TestContext.Current.CancellationToken);
        }
        else
        {
            await Bus.Publish(message, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Opens a case and waits until the review API shows it.</summary>
    public async Task<ReviewCaseView> OpenAndWait(OpenReviewCase? message = null)
    {
        message ??= NewCase();
        await Open(message);
        using var officer = ClientFor(Roles.CommitteeOfficer);
        var path = $"/review/cases/{message.ApplicationId}";
        await Eventually.True(async () => (await officer.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK,
            "the review case to open");
        return (await officer.GetFromJsonAsync<ReviewCaseView>(path, TestContext.Current.CancellationToken))!;
    }
}
