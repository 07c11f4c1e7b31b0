using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Zgc.Console.Tests;

/// <summary>Stands in for the services' APIs: canned JSON by path, and every request the console made.</summary>
public sealed class FakeApi
{
    private readonly ConcurrentDictionary<string, (HttpStatusCode Status, string Json, string MediaType, IReadOnlyDictionary<string, string>? Headers)> _answers =
        new(StringComparer.Ordinal);

    public ConcurrentQueue<(Uri Uri, string? Authorization)> Requests { get; } = new();

    public void Answer(string path, string json, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null) =>
        _answers[path] = (status, json, mediaType, headers);

    internal HttpResponseMessage Respond(HttpRequestMessage request)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        if (_answers.TryGetValue(request.RequestUri!.AbsolutePath, out var answer))
        {
            var response = new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Json, Encoding.UTF8, answer.MediaType) };
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"title":"Not Found","status":404,"detail":"No such instance.","detailZh":"没有该流程实例。"}""", Encoding.UTF8, "application/problem+json"),
        };
    }
}

/// <summary>A fresh handler per client the factory builds (it disposes old ones), all answering from one <see cref="FakeApi"/>.</summary>
internal sealed class FakeApiHandler(FakeApi api) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(api.Respond(request));
}
