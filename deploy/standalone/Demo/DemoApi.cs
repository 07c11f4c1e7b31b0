using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Zgc.ServiceDefaults;

namespace Zgc.Standalone.Demo;

/// <summary>
/// The seeder's way in: HTTP requests to the host's own endpoints, each as the actor the policy names, with a token from
/// the host's <see cref="TokenIssuer"/>. Nothing is written to a database directly.
/// </summary>
public sealed class DemoApi(Func<HttpClient> newClient, TokenIssuer tokens, TimeSpan stepTimeout, CancellationToken cancellationToken) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>A client signed in as <paramref name="role"/> (null: anonymous), cached per actor.</summary>
    public HttpClient As(string? role, string? unit = null, string? subPark = null, string? user = null)
    {
        var key = $"{role}|{unit}|{subPark}|{user}";
        if (_clients.TryGetValue(key, out var client))
        {
            return client;
        }

        client = newClient();
        if (role is not null)
        {
            var extra = new Dictionary<string, string>();
            if (unit is not null)
            {
                extra[ZgcClaims.Unit] = unit;
            }

            if (subPark is not null)
            {
                extra[ZgcClaims.SubPark] = subPark;
            }

            var subject = user ?? $"demo-{role}{(subPark is null ? "" : "-" + subPark)}{(unit is null ? "" : "-" + unit)}";
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(subject, subject, [role], extra));
        }

        _clients[key] = client;
        return client;
    }

    public HttpClient Committee => As(Roles.CommitteeOfficer, user: "demo-committee");

    public HttpClient Admin => As(Roles.Admin, user: "demo-admin");

    public HttpClient Monitor => As(Roles.MonitoringOfficer, user: "demo-monitor");

    public HttpClient Applicant(DemoUnit unit) => As(Roles.Applicant, unit: unit.Uscc, user: "demo-applicant-" + unit.Uscc);

    public HttpClient SubParkOfficer(string subPark) => As(Roles.SubParkOfficer, subPark: subPark, user: "demo-subpark-" + subPark);

    public HttpClient Expert(string userId) => As(Roles.Expert, user: userId);

    /// <summary>Maker: prepares budgets and runs, records payments.</summary>
    public HttpClient FinancePreparer => As(Roles.FinancePreparer, user: "finance-preparer");

    /// <summary>Checker: a different person approves each line (S-OPS).</summary>
    public HttpClient FinanceApprover => As(Roles.FinanceApprover, user: "finance-approver");

    public async Task<JsonElement> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await Read(response);
    }

    /// <summary>GET that answers null on 404 (a record not there yet).</summary>
    public async Task<JsonElement?> Find(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await Read(response);
    }

    public Task<JsonElement> Post(HttpClient client, string path, object? body = null) =>
        Write(() => client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { }, cancellationToken));

    public Task<JsonElement> Put(HttpClient client, string path, object body) =>
        Write(() => client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, cancellationToken));

    /// <summary>
    /// Sends a write; a 409 <c>concurrent-change</c> (a message consumer saved the same record at that moment, nothing of
    /// this request was saved) is tried again, as the answer asks ("reload and try again").
    /// </summary>
    private async Task<JsonElement> Write(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await send();
            if (response.StatusCode == HttpStatusCode.Conflict && attempt < 5
                && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("\"concurrent-change\"", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
                continue;
            }

            return await Read(response);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/>; a message or timer has to be handled first.</summary>
    public async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + stepTimeout;
        var delay = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"[demo] Timed out after {stepTimeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(200, delay.TotalMilliseconds * 2));
        }
    }

    // ── the simulated clock ─────────────────────────────────────────────────────────────────────────────────────────────

    public async Task<DateTimeOffset> Now() => (await Get(Admin, "/simulation/clock")).GetProperty("now").GetDateTimeOffset();

    public Task SetSpeed(double speed) => Post(Admin, "/simulation/clock", new { speed });

    /// <summary>Moves the clock to <paramref name="instant"/> (nothing when it is already later); timers due by then fire.</summary>
    public async Task AdvanceTo(DateTimeOffset instant)
    {
        if (instant > await Now())
        {
            await Post(Admin, "/simulation/clock", new { to = instant });
        }
    }

    /// <summary>The items of a list answer, whether a bare array or a page (<c>{items, total}</c>).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : list.GetProperty("items").EnumerateArray();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"[demo] {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }
}
