using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.System.Tests.Replicas;

/// <summary>What must hold in every service after a run, however many processes died on the way.</summary>
internal static class ClusterChecks
{
    /// <summary>
    /// Every service's outbox drains (nothing due is left undelivered), no timer is overdue (each fired), and no message
    /// ended in a fault: nothing was lost on the way, and nothing waits for an operator. Returns one line per service.
    /// </summary>
    public static async Task<List<string>> NothingLostOrStuck(IProgrammeHost host, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var (service, _) in ServiceCluster.Services)
        {
            using var admin = host.Client(service, Roles.Admin);
            var backlog = await Eventually.Get(async () => await admin.GetFromJsonAsync<JsonElement>($"/{service}/outbox", cancellationToken),
                b => b.GetProperty("messagesPending").GetInt32() == 0, $"the {service} outbox drained", TimeSpan.FromMinutes(2));
            Assert.True(backlog.GetProperty("faultsOpen").GetInt32() == 0,
                $"{service} has faulted messages: {await admin.GetStringAsync($"/{service}/faults", cancellationToken)}");

            var now = await host.Now();
            var timers = await admin.GetFromJsonAsync<JsonElement>($"/{service}/timers", cancellationToken);
            var overdue = timers.EnumerateArray().Where(t => t.GetProperty("dueTime").GetDateTimeOffset() < now.AddMinutes(-1)).ToList();
            Assert.True(overdue.Count == 0, $"{service} has timers that never fired: {string.Join(", ", overdue)}");
            lines.Add($"{service}: outbox drained, {timers.GetArrayLength()} timer(s) pending in the future, no faults");
        }

        return lines;
    }

    /// <summary>Each message changed the instance at most once: no message id twice in its history.</summary>
    public static void EachMessageOnce(JsonElement instance)
    {
        var ids = instance.GetProperty("transitions").EnumerateArray()
            .Where(t => t.GetProperty("messageId").ValueKind == JsonValueKind.String)
            .Select(t => t.GetProperty("messageId").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
