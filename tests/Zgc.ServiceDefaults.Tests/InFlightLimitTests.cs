using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Zgc.Testing;

namespace Zgc.ServiceDefaults.Tests;

/// <summary>
/// Issue 4 (throughput under a burst): a process works on at most Limits:MaxConcurrentRequests API requests at once; the
/// next wait their turn in arrival order, and past Limits:RequestQueueLimit waiting one is refused with 503. Run against
/// a real Kestrel process: the in-memory test server hands the endpoint a request only once its body has arrived, so a
/// request could not be made to hold its turn there.
/// </summary>
public sealed class InFlightLimitTests
{
    private const string Unit = "91110108MA01A2B3C4";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_limit_a_request_waits_its_turn_and_past_the_queue_it_is_refused_with_503_while_health_is_never_held_up()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "zgc-tests", Guid.NewGuid().ToString("N"));
        await using var intake = await ServiceProcess.Start("intake", "Zgc.Intake", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__DataDirectory"] = dataDirectory,
            ["Messaging__Transport"] = "InMemory",
            ["Limits__MaxConcurrentRequests"] = "1",
            ["Limits__RequestQueueLimit"] = "1",
        });
        using var applicant = StandaloneTokens.Client(intake.BaseAddress, Roles.Applicant, unit: Unit);
        // Not StandaloneTokens.Client: its retrying handler buffers a body before sending, which would hold nothing here.
        using var streaming = new HttpClient { BaseAddress = intake.BaseAddress };
        streaming.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StandaloneTokens.For(Roles.Applicant, unit: Unit));
        using var anonymous = new HttpClient { BaseAddress = intake.BaseAddress };

        // A: a request whose body arrives slowly holds the only turn while its endpoint reads it.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var heldBody = new HeldBody(release.Task);
        var holder = streaming.PostAsync(new Uri("/intake/applications", UriKind.Relative), heldBody, Ct);
        await heldBody.Started.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // B: waits for the turn. Until A has reached the limiter, B may still be served; try again until one waits.
        var waiting = await FirstRequestThatWaits(applicant);

        // C: the one place in the queue is taken, so C is refused at once, saying why and when to come back.
        using (var refused = await applicant.GetAsync(new Uri("/intake/applications", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
            Assert.Equal("server-busy", problem.RootElement.GetProperty("rule").GetString());
            Assert.Contains("服务繁忙", problem.RootElement.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        }

        // Health checks are not API work: they answer while every turn is taken.
        using (var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        Assert.False(waiting.IsCompleted, "B must still be waiting while A holds the turn.");

        // A finishes; B gets its turn and is served.
        release.SetResult();
        using var holderResponse = await holder.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, holderResponse.StatusCode);
        using var waitingResponse = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(HttpStatusCode.OK, waitingResponse.StatusCode);

        using var afterwards = await applicant.GetAsync(new Uri("/intake/applications", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    private static async Task<Task<HttpResponseMessage>> FirstRequestThatWaits(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var request = client.GetAsync(new Uri("/intake/applications", UriKind.Relative), Ct);
            if (await Task.WhenAny(request, Task.Delay(TimeSpan.FromSeconds(2), Ct)) != request)
            {
                return request;
            }

            using var served = await request;
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        throw new TimeoutException("No request waited for a turn: the slow request never held it.");
    }

    /// <summary>
    /// A JSON body sent in pieces until released: padding whitespace keeps it above the server's minimum body data rate, so
    /// the server waits for the rest instead of timing the request out.
    /// </summary>
    private sealed class HeldBody : HttpContent
    {
        private static readonly byte[] Padding = Encoding.ASCII.GetBytes(new string(' ', 512));
        private readonly Task _release;
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBody(Task release)
        {
            _release = release;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public Task Started => _started.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"title\":"));
            await stream.FlushAsync();
            _started.TrySetResult();
            while (await Task.WhenAny(_release, Task.Delay(TimeSpan.FromMilliseconds(250))) != _release)
            {
                await stream.WriteAsync(Padding);
                await stream.FlushAsync();
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes("\"Held back\"}"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
