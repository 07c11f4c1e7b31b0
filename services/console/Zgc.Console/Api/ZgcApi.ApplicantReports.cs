namespace Zgc.Console.Api;

/// <summary>The applicant's annual report and major matters (monitoring answers for the unit on the user's token only).</summary>
public sealed partial class ZgcApi
{
    public Task<ApiResult<MyReportDetail>> GetMyReport(Guid id, CancellationToken cancellationToken) =>
        Get<MyReportDetail>($"monitoring/reports/{id}", cancellationToken);

    /// <summary>Saves the indicators (the report stays open); the service validates every figure and names the field it refuses.</summary>
    public Task<ApiResult<MyReportDetail>> SaveMyReportDraft(Guid id, MyReportDraft draft, CancellationToken cancellationToken) =>
        Put<MyReportDetail>($"monitoring/reports/{id}/draft", draft, cancellationToken);

    /// <summary>Submits the saved indicators; the answer says whether the submission came late (after the due date).</summary>
    public Task<ApiResult<MyReportDetail>> SubmitMyReport(Guid id, CancellationToken cancellationToken) =>
        Post<MyReportDetail>($"monitoring/reports/{id}/submit", null, cancellationToken);

    public Task<ApiResult<List<MyMajorMatter>>> ListMyMajorMatters(Guid applicationId, CancellationToken cancellationToken) =>
        Get<List<MyMajorMatter>>($"monitoring/platforms/{applicationId}/major-matters", cancellationToken);

    public Task<ApiResult<MyMajorMatter>> ReportMyMajorMatter(Guid applicationId, MyMajorMatterRequest request, CancellationToken cancellationToken) =>
        Post<MyMajorMatter>($"monitoring/platforms/{applicationId}/major-matters", request, cancellationToken);
}
