using System.Net.Http.Headers;
using Zgc.Console.Auth;
using Zgc.ServiceDefaults.Limits;

namespace Zgc.Console.Api;

/// <summary>
/// Documents for the browser: a link on a page cannot carry the user's bearer token, so the console fetches an application's
/// attachment from intake as the signed-in user (the cookie's token) and passes it on unchanged. Intake decides who may
/// read it; its refusal (403/404) is passed on as it is.
/// </summary>
internal static class DocumentDownloads
{
    public const string Route = "/files/intake/applications/{id:guid}/attachments/{attachmentId:guid}";

    public static string PathFor(Guid applicationId, Guid attachmentId) => $"files/intake/applications/{applicationId}/attachments/{attachmentId}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Route, Download).RequireAuthorization(ConsoleAuth.Policy).WithMetadata(ConsoleEndpointMetadata.Instance)
            .WithName("DownloadApplicationDocument").WithTags("Console")
            // It asks intake, which in the standalone host is this process: it must not hold a turn while waiting for one.
            .ExemptFromInFlightLimit();

    private static async Task<IResult> Download(Guid id, Guid attachmentId, HttpContext http, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var token = http.User.AccessToken();
        using var client = clients.CreateClient(ConsoleModule.ApiClientName);
        var baseAddress = client.BaseAddress ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"intake/applications/{id}/attachments/{attachmentId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return Results.Problem(statusCode: (int)response.StatusCode, title: "The document could not be had.",
                detail: $"intake answered {(int)response.StatusCode}.");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        return Results.File(bytes, contentType, fileName);
    }
}
