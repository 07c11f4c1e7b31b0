using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.Testing;

namespace Zgc.Monitoring.Tests;

public sealed class MonitoringApp : ServiceAppFactory<Program>, IMonitoringHost;

/// <summary>What the feature tests need of a hosted monitoring service, clocked or not.</summary>
public interface IMonitoringHost
{
    IServiceProvider Services { get; }

    Task<T> InDb<TDb, T>(Func<TDb, Task<T>> work) where TDb : DbContext;
}

/// <summary>Arranging and observing the monitoring service the way the other services do: commands on the bus, the outbox.</summary>
public static class MonitoringHostExtensions
{
    public const string Unit = "91110108MA01ABCD1X";
    public const string OtherUnit = "91110108MA01ZZZZ9Y";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The workflows service's command; the period is calendar year <paramref name="periodYear"/>.</summary>
    public static OpenAnnualReport Window(Guid applicationId, int constructionYear, int periodYear, DateOnly dueOn, string unit = Unit) =>
        new(applicationId, null, "高精尖协同创新平台（示例）", unit, "北京示例科技有限公司", "new-generation-it", "haidian", constructionYear,
            new DateOnly(periodYear, 1, 1), new DateOnly(periodYear, 12, 31), dueOn);

    /// <summary>Opens a window through the bus and waits until the report exists.</summary>
    public static async Task<AnnualReport> Open(this IMonitoringHost host, OpenAnnualReport command)
    {
        await host.Services.GetRequiredService<IBus>().Publish(command, Ct);
        return await host.WaitForReport(command.ApplicationId, command.ConstructionYear, r => r is not null);
    }

    public static Task<AnnualReport?> Report(this IMonitoringHost host, Guid applicationId, int year) => host.InDb<MonitoringDbContext, AnnualReport?>(db =>
        db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == applicationId && r.ConstructionYear == year, Ct));

    public static Task<AnnualReport> WaitForReport(this IMonitoringHost host, Guid applicationId, int year, Func<AnnualReport?, bool> done) =>
        Eventually.Get(() => host.Report(applicationId, year), done, $"report {applicationId}/{year}");

    /// <summary>The bodies ("message" element) of the outbox rows of contract <paramref name="contract"/> mentioning <paramref name="id"/>.</summary>
    public static async Task<List<JsonElement>> Messages(this IMonitoringHost host, string contract, Guid id, bool delivered = false)
    {
        var urn = "urn:message:Zgc.Monitoring.Contracts:" + contract;
        var text = id.ToString();
        var bodies = await host.InDb<MonitoringDbContext, List<string>>(db => db.OutboxMessages.AsNoTracking()
            .Where(m => (m.MessageType == urn || m.MessageType.StartsWith(urn + ";")) && m.Body.Contains(text) && (!delivered || m.DeliveredAt != null))
            .OrderBy(m => m.SequenceNumber).Select(m => m.Body).ToListAsync(Ct));
        return [.. bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("message").Clone())];
    }

    public static async Task<JsonElement> Delivered(this IMonitoringHost host, string contract, Guid id)
    {
        var delivered = await Eventually.Get<List<JsonElement>>(async () => await host.Messages(contract, id, delivered: true), m => m is { Count: > 0 }, $"{contract} about {id} delivered");
        return delivered[0];
    }

    /// <summary>Indicators as the unit sends them: amounts in fen.</summary>
    public static object Indicators(long rdFen = 65_000_00, long revenueFen = 1_000_000_00, int smes = 10, long drivenRevenueFen = 500_000_00, int served = 20,
        object[]? targets = null) => new
        {
            rdExpenditure = rdFen,
            revenue = revenueFen,
            smesDriven = smes,
            drivenSmeRevenue = drivenRevenueFen,
            enterprisesServed = served,
            inventionPatentsFiled = 6,
            inventionPatentsGranted = 2,
            standardsCreated = 1,
            majorBreakthroughs = 1,
            outputValue = 3_000_000_00L,
            talent = "引进领军人才2名，培养工程师15名",
            events = "举办国际论坛1次、项目对接会3次",
            investments = new object[]
            {
                new { category = "equipment-materials", total = 8_000_000_00L, selfRaised = 6_000_000_00L },
                new { category = "personnel", total = 2_000_000_00L, selfRaised = 1_500_000_00L },
                new { category = "land", total = 5_000_000_00L, selfRaised = 5_000_000_00L },
            },
            targets = targets ?? [new { name = "发明专利申请", target = 10, achieved = 6 }, new { name = "标准创制", target = 2, achieved = 2 }],
        };
}
