using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.Testing;

namespace Zgc.Notice.Tests;

/// <summary>
/// The notice service on a <see cref="FakeTimeProvider"/>: the service, its close timers and the outbox delivery all read
/// this clock. Give the data folder of an earlier instance to "restart" on the same database. Without delivery, nothing
/// leaves the outbox: its rows stay for the test to read, and no timer is delivered unless the test sends it itself.
/// </summary>
public sealed class ClockedNoticeApp(DateTimeOffset start, string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null,
    bool withoutDelivery = false)
    : ServiceAppFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(start);

    public string Data => dataDirectory ?? DataDirectory;

    public IBus Bus => Services.GetRequiredService<IBus>();

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Database:DataDirectory"] = Data };
            return all;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (withoutDelivery)
            {
                var delivery = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType is { IsGenericType: true } t
                    && t.GetGenericTypeDefinition().Name == "OutboxDeliveryService`1").ToList();
                Assert.Single(delivery);
                services.Remove(delivery[0]);
            }
        });
    }

    /// <summary>A client whose token is valid by the real clock (the server validates tokens against real time).</summary>
    public HttpClient Client(string? role)
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StandaloneTokens.For(role));
        }

        return client;
    }

    public Task<PublicNotice?> NoticeFor(Guid applicationId) => InDb<NoticeDbContext, PublicNotice?>(db =>
        db.Notices.AsNoTracking().Include(n => n.Objections).SingleOrDefaultAsync(n => n.ApplicationId == applicationId));

    public Task<PublicNotice> WaitFor(Guid applicationId, NoticeStatus status) =>
        Eventually.Get(() => NoticeFor(applicationId), n => n?.Status == status, $"notice of {applicationId} to be {status}");

    public Task<bool> Delivered(string messageType, Guid applicationId)
    {
        var id = applicationId.ToString();
        return InDb<NoticeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains(messageType) && m.Body.Contains(id) && m.DeliveredAt != null));
    }
}
