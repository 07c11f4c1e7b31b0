using System.Net.Http.Headers;

namespace Zgc.Console.Api;

/// <summary>Intake's calls of the sub-park officer: the list, one application, its versions and materials, and the five actions.</summary>
public sealed partial class ZgcApi
{
    /// <summary>One page of <c>GET /intake/applications</c>; <paramref name="query"/> is the filter part (status, q…).</summary>
    public Task<ApiResult<ApplicationPage>> ListApplications(string query, int page, int pageSize, CancellationToken cancellationToken) =>
        Get<ApplicationPage>($"intake/applications?{query}{(query.Length > 0 ? "&" : "")}page={page}&pageSize={pageSize}", cancellationToken);

    /// <summary>
    /// Every application matching <paramref name="query"/>, a hundred at a time (intake's largest page), up to
    /// <paramref name="limit"/>: the inbox sorts and pages on the console's side, which intake's list does not offer.
    /// </summary>
    public async Task<ApiResult<List<ApplicationListItem>>> ListAllApplications(string query, int limit, CancellationToken cancellationToken)
    {
        var all = new List<ApplicationListItem>();
        for (var page = 1; all.Count < limit; page++)
        {
            var result = await ListApplications(query, page, 100, cancellationToken);
            if (result.Error is not null)
            {
                return ApiResult<List<ApplicationListItem>>.Fail(result.Error);
            }

            all.AddRange(result.Value!.Items);
            if (result.Value.Items.Count < 100 || all.Count >= result.Value.Total)
            {
                break;
            }
        }

        return ApiResult<List<ApplicationListItem>>.Ok(all);
    }

    public Task<ApiResult<ApplicationDetail>> GetApplication(Guid id, CancellationToken cancellationToken) =>
        Get<ApplicationDetail>($"intake/applications/{id}", cancellationToken);

    public Task<ApiResult<List<ApplicationVersionItem>>> ListApplicationVersions(Guid id, CancellationToken cancellationToken) =>
        Get<List<ApplicationVersionItem>>($"intake/applications/{id}/versions", cancellationToken);

    public Task<ApiResult<ApplicationVersionDetail>> GetApplicationVersion(Guid id, int number, CancellationToken cancellationToken) =>
        Get<ApplicationVersionDetail>($"intake/applications/{id}/versions/{number}", cancellationToken);

    public Task<ApiResult<ApplicationDetail>> AcceptApplication(Guid id, CancellationToken cancellationToken) =>
        Post<ApplicationDetail>($"intake/applications/{id}/accept", null, cancellationToken);

    public Task<ApiResult<ApplicationDetail>> PreliminaryReview(Guid id, PreliminaryReviewRequest request, CancellationToken cancellationToken) =>
        Post<ApplicationDetail>($"intake/applications/{id}/preliminary-review", request, cancellationToken);

    public Task<ApiResult<ApplicationDetail>> RecommendApplication(Guid id, RecommendRequest request, CancellationToken cancellationToken) =>
        Post<ApplicationDetail>($"intake/applications/{id}/recommend", request, cancellationToken);

    public Task<ApiResult<ApplicationDetail>> ReturnApplication(Guid id, ReasonsRequest request, CancellationToken cancellationToken) =>
        Post<ApplicationDetail>($"intake/applications/{id}/return", request, cancellationToken);

    public Task<ApiResult<ApplicationDetail>> RejectApplication(Guid id, ReasonsRequest request, CancellationToken cancellationToken) =>
        Post<ApplicationDetail>($"intake/applications/{id}/reject", request, cancellationToken);

    /// <summary>
    /// A material's bytes as the user (intake wants the bearer token, so the browser cannot fetch it by itself); null when
    /// it cannot be had.
    /// </summary>
    public async Task<DownloadedFile?> DownloadAttachment(Guid id, ApplicationAttachment attachment, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ConsoleModule.ApiClientName);
        using var request = await AsUser(client, HttpMethod.Get, $"intake/applications/{id}/attachments/{attachment.Id}");
        if (request is null)
        {
            return null;
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var type = response.Content.Headers.ContentType ?? new MediaTypeHeaderValue("application/octet-stream");
            return new DownloadedFile(attachment.FileName, type.MediaType ?? "application/octet-stream", await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "Downloading attachment {Attachment} failed", attachment.Id);
            return null;
        }
    }
}
