using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Notice.Contracts;
using Zgc.Testing;

namespace Zgc.Notice.Tests;

public sealed class NoticeApp : ServiceAppFactory<Program>
{
    public static PublishNotice NewNotice(Guid? applicationId = null) =>
        new(applicationId ?? Guid.NewGuid(), "高精尖协同创新平台（示例）", "北京示例科技有限公司");

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>Asks for the notice the way the workflows service does: a <see cref="PublishNotice"/> command on the bus.</summary>
    public Task Publish(PublishNotice message, Guid? messageId = null) => messageId is { } id
        ? Bus.Publish(message, context => context.MessageId = id, TestContext.Current.CancellationToken)
        : Bus.Publish(message, TestContext.Current.CancellationToken);
}
