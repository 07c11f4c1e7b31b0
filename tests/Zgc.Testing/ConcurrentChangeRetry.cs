using System.Net;

namespace Zgc.Testing;

/// <summary>
/// What a well-behaved client of the services does with <c>409 concurrent-change</c>: the answer promises that nothing was
/// saved and asks to try again, so the request is sent again (up to five times, a moment apart). The end-to-end drivers
/// use it — a background worker or a consumer may write the same record at the same moment as the driver — so that they
/// test the flows rather than the timing of one race. Other 409s (a transition not allowed) are returned unchanged.
/// </summary>
public sealed class ConcurrentChangeRetry : DelegatingHandler
{
    private const int Attempts = 5;

    /// <summary>For a handler chain that sets the inner handler itself (WebApplicationFactory.CreateDefaultClient).</summary>
    public ConcurrentChangeRetry()
    {
    }

    public ConcurrentChangeRetry(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Buffered once, so the same body can be sent again.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHeaders = request.Content?.Headers.ToList();
        for (var attempt = 1; ; attempt++)
        {
            using var copy = Copy(request, body, contentHeaders);
            var response = await base.SendAsync(copy, cancellationToken);
            if (attempt == Attempts || !await IsConcurrentChange(response, cancellationToken))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100 * attempt, cancellationToken);
        }
    }

    private static async Task<bool> IsConcurrentChange(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("\"concurrent-change\"", StringComparison.Ordinal);
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body, List<KeyValuePair<string, IEnumerable<string>>>? contentHeaders)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var (name, values) in contentHeaders!)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return copy;
    }
}
