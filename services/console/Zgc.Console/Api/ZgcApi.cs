using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zgc.Console.Auth;

namespace Zgc.Console.Api;

/// <summary>
/// The services' HTTP APIs as the signed-in user: every request carries the user's own bearer token, so the services
/// decide what the user may see. Failures come back as <see cref="ApiError"/>, never as exceptions.
/// </summary>
public sealed class ZgcApi(
    IHttpClientFactory clients, AuthenticationStateProvider authentication, NavigationManager navigation, ILogger<ZgcApi> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<List<LifecycleInstance>>> ListInstances(CancellationToken cancellationToken) =>
        Get<List<LifecycleInstance>>("workflows/instances", cancellationToken);

    public Task<ApiResult<LifecycleInstanceDetail>> GetInstance(Guid id, CancellationToken cancellationToken) =>
        Get<LifecycleInstanceDetail>($"workflows/instances/{id}", cancellationToken);

    /// <summary>The funding forecast (<c>GET /funding/forecast</c>, finance and admin), and its CSV (null when it cannot be had).</summary>
    public async Task<(ApiResult<FundingForecast> Forecast, string? Csv)> GetForecast(string query, CancellationToken cancellationToken)
    {
        var forecast = Send<FundingForecast>(HttpMethod.Get, "funding/forecast?" + query, null, cancellationToken);
        var csv = GetText("funding/forecast.csv?" + query, "text/csv", cancellationToken);
        return (await forecast, await csv);
    }

    /// <summary>Scenario replay: today's obligations against a what-if policy's (<c>POST /funding/forecast/what-if</c>; changes nothing).</summary>
    public Task<ApiResult<WhatIfResult>> WhatIf(WhatIfRequest request, CancellationToken cancellationToken) =>
        Send<WhatIfResult>(HttpMethod.Post, "funding/forecast/what-if", request, cancellationToken);

    /// <summary>The lifecycle graph as SVG with the instance's state highlighted; null when it cannot be had (the page goes on without it).</summary>
    public Task<string?> GetLifecycleSvg(Guid id, CancellationToken cancellationToken) =>
        GetText($"workflows/graph.svg?instance={id}", "image/svg+xml", cancellationToken);

    /// <summary>A text resource of the given media type as the user; null when it cannot be had (the page goes on without it).</summary>
    private async Task<string?> GetText(string relativePath, string mediaType, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ConsoleModule.ApiClientName);
        using var request = await AsUser(client, HttpMethod.Get, relativePath);
        if (request is null)
        {
            return null;
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == mediaType
                ? await response.Content.ReadAsStringAsync(cancellationToken)
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "GET {Uri} failed", request.RequestUri);
            return null;
        }
    }

    /// <summary>A request for <paramref name="relativePath"/> carrying the signed-in user's token; null when nobody is signed in.</summary>
    private async Task<HttpRequestMessage?> AsUser(HttpClient client, HttpMethod method, string relativePath)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var token = state.User.AccessToken();
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var baseAddress = client.BaseAddress ?? ApiBaseAddress.WithTrailingSlash(new Uri(navigation.BaseUri));
        var request = new HttpRequestMessage(method, new Uri(baseAddress, relativePath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private Task<ApiResult<T>> Get<T>(string relativePath, CancellationToken cancellationToken) where T : class =>
        Send<T>(HttpMethod.Get, relativePath, null, cancellationToken);

    /// <summary>A JSON request (with a JSON body when given) as the user; failures come back as <see cref="ApiError"/>.</summary>
    private async Task<ApiResult<T>> Send<T>(HttpMethod method, string relativePath, object? body, CancellationToken cancellationToken) where T : class
    {
        using var client = clients.CreateClient(ConsoleModule.ApiClientName);
        using var request = await AsUser(client, method, relativePath);
        if (request is null)
        {
            return ApiResult<T>.Fail(new ApiError(ApiErrorKind.SignedOut));
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await ProblemDetail(response, cancellationToken);
                logger.LogWarning("{Method} {Uri} answered {Status}", method, request.RequestUri, (int)response.StatusCode);
                return ApiResult<T>.Fail(new ApiError(Kind(response.StatusCode), response.StatusCode, detail));
            }

            var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            return value is null ? ApiResult<T>.Fail(new ApiError(ApiErrorKind.BadResponse, response.StatusCode)) : ApiResult<T>.Ok(value);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "{Method} {Uri} failed", method, request.RequestUri);
            return ApiResult<T>.Fail(new ApiError(ApiErrorKind.Unreachable, e.StatusCode));
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Method} {Uri} timed out", method, request.RequestUri);
            return ApiResult<T>.Fail(new ApiError(ApiErrorKind.Timeout));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away; nobody will read the answer.
            return ApiResult<T>.Fail(new ApiError(ApiErrorKind.Timeout));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            logger.LogWarning(e, "{Method} {Uri} returned an unreadable body", method, request.RequestUri);
            return ApiResult<T>.Fail(new ApiError(ApiErrorKind.BadResponse));
        }
    }

    private static ApiErrorKind Kind(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => ApiErrorKind.Unauthorized,
        HttpStatusCode.Forbidden => ApiErrorKind.Forbidden,
        HttpStatusCode.NotFound => ApiErrorKind.NotFound,
        _ => ApiErrorKind.ServerError,
    };

    /// <summary>The service's own explanation from a ProblemDetails body (its Chinese text too, when it has one).</summary>
    private static async Task<string?> ProblemDetail(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Json, cancellationToken);
            if (problem is null)
            {
                return null;
            }

            var zh = problem.Extensions.TryGetValue("detailZh", out var value) && value is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
            var parts = new[] { problem.Detail ?? problem.Title, zh }.Where(p => !string.IsNullOrWhiteSpace(p));
            var text = string.Join(" / ", parts);
            return text.Length == 0 ? null : text;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
