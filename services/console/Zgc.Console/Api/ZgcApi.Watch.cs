using System.Net;
using System.Net.Http.Headers;

namespace Zgc.Console.Api;

/// <summary>What one long poll of an instance brought: its new detail and tag, an error, or neither (nothing new).</summary>
public sealed record InstanceWatchResult(LifecycleInstanceDetail? Detail, string? Tag, ApiError? Error);

public sealed partial class ZgcApi
{
    /// <summary>
    /// Asks for the instance once it differs from <paramref name="tag"/> (the entity tag of the detail already shown; null:
    /// answer at once), waiting up to <paramref name="waitSeconds"/> (<c>Prefer: wait</c>, services/workflows/README.md).
    /// </summary>
    public async Task<InstanceWatchResult> WatchInstance(Guid id, string? tag, int waitSeconds, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ConsoleModule.ApiClientName);
        using var request = await AsUser(client, HttpMethod.Get, $"workflows/instances/{id}");
        if (request is null)
        {
            return new InstanceWatchResult(null, tag, new ApiError(ApiErrorKind.SignedOut));
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("Prefer", $"wait={waitSeconds}");
        if (tag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new InstanceWatchResult(null, tag, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new InstanceWatchResult(null, tag, new ApiError(Kind(response.StatusCode), response.StatusCode));
            }

            var detail = await response.Content.ReadFromJsonAsync<LifecycleInstanceDetail>(Json, cancellationToken);
            return detail is null
                ? new InstanceWatchResult(null, tag, new ApiError(ApiErrorKind.BadResponse, response.StatusCode))
                : new InstanceWatchResult(detail, response.Headers.ETag?.ToString(), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Watching instance {Id} failed", id);
            return new InstanceWatchResult(null, tag, new ApiError(ApiErrorKind.Unreachable));
        }
    }
}
