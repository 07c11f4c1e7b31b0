using System.Net;
using System.Net.Http.Json;

namespace Zgc.Messaging.Tests.Support;

/// <summary>The TestHost's HTTP endpoints, for an in-process client or a process's base address alike.</summary>
public sealed class HostApi(HttpClient http, string describe)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where to look when something fails: the process log, or "in-process".</summary>
    public string Describe { get; } = describe;

    public async Task<string> Post(string pathAndQuery)
    {
        using var response = await http.PostAsync(pathAndQuery, content: null, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {pathAndQuery} answered {(int)response.StatusCode}: {body} ({Describe})");
        return body;
    }

    public Task ProduceStep1(Guid key) => Post($"/produce/step1?key={key}");

    /// <summary>As a caller inside a trace would: the request carries a W3C <c>traceparent</c>.</summary>
    public async Task ProduceStep1InTrace(Guid key, string traceParent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/produce/step1?key={key}");
        request.Headers.Add("traceparent", traceParent);
        using var response = await http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST /produce/step1 answered {(int)response.StatusCode} ({Describe})");
    }

    public Task ProducePings(Guid key, int count) => Post($"/produce/pings?key={key}&count={count}");

    public Task ProduceLingers(Guid key, int count, int milliseconds) => Post($"/produce/lingers?key={key}&count={count}&milliseconds={milliseconds}");

    public async Task<LingerStats> Lingers(Guid key) =>
        await http.GetFromJsonAsync<LingerStats>($"/lingers/{key}", Ct) ?? throw new InvalidOperationException("GET /lingers returned nothing");

    public Task ProduceDuplicatePing(Guid key, int copies) => Post($"/produce/duplicate-ping?key={key}&copies={copies}");

    public Task ProduceIncrements(Guid counter, int count) => Post($"/produce/increment?counter={counter}&count={count}");

    public async Task<Guid> ScheduleWakeup(Guid key, int seconds) =>
        Guid.Parse((await Post($"/schedule/wakeup?key={key}&seconds={seconds}")).Trim('"'));

    public Task Cancel(Guid token) => Post($"/cancel/{token}");

    public Task StartTimer(Guid counter, int seconds) => Post($"/counters/{counter}/start-timer?seconds={seconds}");

    public Task CancelTimer(Guid counter) => Post($"/counters/{counter}/cancel-timer");

    /// <summary>The Ping sends of one key as the host observed them: "pre N" when a send started, "post N" when confirmed.</summary>
    public async Task<string[]> SendOrder(Guid key) =>
        await http.GetFromJsonAsync<string[]>($"/send-order/{key}", Ct) ?? [];

    /// <summary>Rows the outbox delivered so far, by path: "direct" (its own RabbitMQ channel) or "bus" (MassTransit's send).</summary>
    public async Task<Dictionary<string, long>> DeliveredByPath() =>
        await http.GetFromJsonAsync<Dictionary<string, long>>("/delivered-by-path", Ct) ?? [];

    public async Task<HostStats> Stats(Guid? key = null) =>
        await http.GetFromJsonAsync<HostStats>(key is null ? "/stats" : $"/stats?key={key}", Ct)
            ?? throw new InvalidOperationException("GET /stats returned nothing");

    public async Task<CounterView?> Counter(Guid id)
    {
        using var response = await http.GetAsync($"/counters/{id}", Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CounterView>(Ct);
    }

    public async Task<List<TimerView>> Timers() =>
        await http.GetFromJsonAsync<List<TimerView>>("/msgtest/timers", Ct) ?? [];
}
