using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios.Lifecycle;

/// <summary>
/// How much durable work a run did, for the bound the baselines imply: write transactions (PostgreSQL assigns a transaction id
/// only to a transaction that writes, so the difference of <c>txid_current()</c> counts them across every database of the
/// server) and messages published in a RabbitMQ virtual host (the management plugin's counter).
/// </summary>
public static class WorkCounters
{
    public static async Task<long> TransactionId()
    {
        await using var connection = new NpgsqlConnection(RealInfrastructure.PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT txid_current()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Messages published into <paramref name="vhost"/> so far (null when the management API does not answer).</summary>
    public static async Task<long?> Published(string vhost)
    {
        var broker = new Uri(RealInfrastructure.RabbitMq);
        var credentials = Uri.UnescapeDataString(broker.UserInfo);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{broker.Host}:15672/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        try
        {
            var stats = await http.GetFromJsonAsync<JsonElement>($"api/vhosts/{Uri.EscapeDataString(vhost)}");
            return stats.TryGetProperty("message_stats", out var m) && m.TryGetProperty("publish", out var p) ? p.GetInt64() : 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }
}
