using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Zgc.Console.Auth;

namespace Zgc.Console.Api;

/// <summary>
/// The services' HTTP APIs as the signed-in user: every request carries the user's own bearer token, so the services
/// decide what the user may see. Failures come back as <see cref="ApiError"/>, never as exceptions. One partial file per
/// area (<c>ZgcApi.Intake.cs</c>, <c>ZgcApi.Review.cs</c>…) adds that area's calls on top of <c>Send</c>, <c>Get</c>, <c>Post</c> and <c>Put</c>.
/// </summary>
public sealed partial class ZgcApi(
    IHttpClientFactory clients, AuthenticationStateProvider authentication, NavigationManager navigation, ILogger<ZgcApi> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One page of the lifecycle instances, with the total and the next page's cursor from the answer's headers.</summary>
    public async Task<ApiResult<InstancePage>> ListInstances(InstanceListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = QueryString.Of(
            ("state", query.State?.Trim()), ("subPark", query.SubPark?.Trim()), ("field", query.Field?.Trim()),
            ("waitingDays", query.WaitingDays?.ToString(CultureInfo.InvariantCulture)), ("after", query.After?.Trim()),
            ("pageSize", query.PageSize.ToString(CultureInfo.InvariantCulture)));
        int? total = null, exceeds = null;
        string? next = null;
        var rows = await Send<List<LifecycleInstance>>(HttpMethod.Get, "workflows/instances?" + parameters, null, headers =>
        {
            total = IntHeader(headers, "X-Total-Count");
            exceeds = IntHeader(headers, "X-Total-Count-Exceeds");
            next = Header(headers, "X-Next-Cursor");
        }, cancellationToken);
        return rows.Value is { } list ? ApiResult<InstancePage>.Ok(new InstancePage(list, total, exceeds, next)) : ApiResult<InstancePage>.Fail(rows.Error!);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? IntHeader(HttpResponseHeaders headers, string name) =>
        Header(headers, name) is { } value && int.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : null;

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

    /// <summary>A list a service caps, with how many match in all (its <c>X-Total-Count</c>; the rows' count without one).</summary>
    private async Task<ApiResult<CappedList<T>>> GetCapped<T>(string relativePath, CancellationToken cancellationToken)
    {
        int? total = null;
        var rows = await Send<List<T>>(HttpMethod.Get, relativePath, null, headers => total = IntHeader(headers, "X-Total-Count"), cancellationToken);
        return rows.Value is { } list ? ApiResult<CappedList<T>>.Ok(new CappedList<T>(list, Math.Max(total ?? list.Count, list.Count)))
            : ApiResult<CappedList<T>>.Fail(rows.Error!);
    }

    private Task<ApiResult<T>> Post<T>(string relativePath, object? body, CancellationToken cancellationToken) where T : class =>
        Send<T>(HttpMethod.Post, relativePath, body ?? new { }, cancellationToken);

    private Task<ApiResult<T>> Put<T>(string relativePath, object body, CancellationToken cancellationToken) where T : class =>
        Send<T>(HttpMethod.Put, relativePath, body, cancellationToken);

    /// <summary>A path segment or query value, escaped.</summary>
    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>
    /// A JSON request (with a JSON body when given) as the user; failures come back as <see cref="ApiError"/>. Ask for
    /// <see cref="Done"/> when the answer's body does not matter (204, or a body the page does not read).
    /// </summary>
    private Task<ApiResult<T>> Send<T>(HttpMethod method, string relativePath, object? body, CancellationToken cancellationToken) where T : class =>
        Send<T>(method, relativePath, body, null, cancellationToken);

    /// <summary>As <see cref="Send{T}(HttpMethod, string, object?, CancellationToken)"/>; <paramref name="readHeaders"/> sees a successful answer's headers.</summary>
    private async Task<ApiResult<T>> Send<T>(HttpMethod method, string relativePath, object? body, Action<HttpResponseHeaders>? readHeaders,
        CancellationToken cancellationToken) where T : class
    {
        if (body is HttpContent content)
        {
            return await Send<T>(method, relativePath, () => content, readHeaders, cancellationToken);
        }

        return await Send<T>(method, relativePath, body is null ? null : () => JsonContent.Create(body, body.GetType(), options: Json), readHeaders, cancellationToken);
    }

    private async Task<ApiResult<T>> Send<T>(HttpMethod method, string relativePath, Func<HttpContent>? content, Action<HttpResponseHeaders>? readHeaders,
        CancellationToken cancellationToken) where T : class
    {
        using var client = clients.CreateClient(ConsoleModule.ApiClientName);
        using var request = await AsUser(client, method, relativePath);
        if (request is null)
        {
            return ApiResult<T>.Fail(new ApiError(ApiErrorKind.SignedOut));
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (content is not null)
        {
            request.Content = content();
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var (detail, fields) = await ProblemDetail(response, cancellationToken);
                logger.LogWarning("{Method} {Uri} answered {Status}", method, request.RequestUri, (int)response.StatusCode);
                return ApiResult<T>.Fail(new ApiError(Kind(response.StatusCode), response.StatusCode, detail, fields));
            }

            readHeaders?.Invoke(response.Headers);
            if (typeof(T) == typeof(Done))
            {
                return ApiResult<T>.Ok((T)(object)Done.Value);
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
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType => ApiErrorKind.Invalid,
        HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => ApiErrorKind.Conflict,
        HttpStatusCode.RequestEntityTooLarge => ApiErrorKind.TooLarge,
        HttpStatusCode.TooManyRequests => ApiErrorKind.TooManyRequests,
        _ => ApiErrorKind.ServerError,
    };

    /// <summary>
    /// The service's own explanation from a ProblemDetails body (its Chinese text too, when it has one), and its field
    /// errors: a validation problem's <c>errors</c>, or the single <c>field</c> a rule violation names.
    /// </summary>
    private static async Task<(string? Detail, IReadOnlyDictionary<string, string[]>? Fields)> ProblemDetail(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return (null, null);
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            if (problem.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var parts = new[] { Text(problem, "detail") ?? Text(problem, "title"), Text(problem, "detailZh") }.Where(p => !string.IsNullOrWhiteSpace(p));
            var text = string.Join(" / ", parts);
            return (text.Length == 0 ? null : text, Fields(problem, text));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static Dictionary<string, string[]>? Fields(JsonElement problem, string detail)
    {
        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            var fields = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in errors.EnumerateObject())
            {
                fields[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? [.. field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
                    : [field.Value.ToString()];
            }

            return fields;
        }

        return Text(problem, "field") is { Length: > 0 } single
            ? new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { [single] = [Text(problem, "rule") is { } rule ? $"{rule}: {detail}" : detail] }
            : null;
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The answer of a call whose body the page does not need.</summary>
public sealed class Done
{
    public static readonly Done Value = new();

    private Done()
    {
    }
}
