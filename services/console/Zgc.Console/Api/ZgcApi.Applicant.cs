namespace Zgc.Console.Api;

/// <summary>
/// The applicant's calls: its unit and applications (intake), its agreements (funding) and its annual reports
/// (monitoring). The services answer for the unit on the user's token only, so nothing here filters by unit.
/// </summary>
public sealed partial class ZgcApi
{
    /// <summary>The signed-in applicant's unit; <see cref="ApiErrorKind.NotFound"/> while it is not registered.</summary>
    public Task<ApiResult<MyUnit>> GetMyUnit(CancellationToken cancellationToken) =>
        Get<MyUnit>("intake/units/mine", cancellationToken);

    /// <summary>Registers or updates the unit (<c>PUT /intake/units/mine</c>); the USCC comes from the token.</summary>
    public Task<ApiResult<MyUnit>> SaveMyUnit(MyUnitProfile profile, CancellationToken cancellationToken) =>
        Put<MyUnit>("intake/units/mine", profile, cancellationToken);

    /// <summary>The unit's applications, newest first (the largest page the service gives).</summary>
    public Task<ApiResult<MyApplicationPage>> ListMyApplications(CancellationToken cancellationToken) =>
        Get<MyApplicationPage>("intake/applications?pageSize=100", cancellationToken);

    public Task<ApiResult<MyApplication>> GetMyApplication(Guid id, CancellationToken cancellationToken) =>
        Get<MyApplication>($"intake/applications/{id}", cancellationToken);

    public Task<ApiResult<MyApplication>> CreateMyApplication(MyApplicationContent content, CancellationToken cancellationToken) =>
        Post<MyApplication>("intake/applications", content, cancellationToken);

    public Task<ApiResult<MyApplication>> UpdateMyApplication(Guid id, MyApplicationContent content, CancellationToken cancellationToken) =>
        Put<MyApplication>($"intake/applications/{id}", content, cancellationToken);

    /// <summary>Submits the saved working copy with the truthfulness commitment; the answer carries the screening.</summary>
    public Task<ApiResult<MyApplication>> SubmitMyApplication(Guid id, MySubmitRequest request, CancellationToken cancellationToken) =>
        Post<MyApplication>($"intake/applications/{id}/submit", request, cancellationToken);

    public Task<ApiResult<MyCommitment>> GetMyCommitment(CancellationToken cancellationToken) =>
        Get<MyCommitment>("intake/commitment", cancellationToken);

    public Task<ApiResult<List<MyVersionSummary>>> ListMyApplicationVersions(Guid id, CancellationToken cancellationToken) =>
        Get<List<MyVersionSummary>>($"intake/applications/{id}/versions", cancellationToken);

    /// <summary>The unit's agreements (funding answers an applicant with its own unit's only).</summary>
    public Task<ApiResult<List<MyAgreementSummary>>> ListMyAgreements(CancellationToken cancellationToken) =>
        Get<List<MyAgreementSummary>>("funding/agreements", cancellationToken);

    public Task<ApiResult<MyAgreement>> GetMyAgreement(Guid id, CancellationToken cancellationToken) =>
        Get<MyAgreement>($"funding/agreements/{id}", cancellationToken);

    /// <summary>Signs the agreement's current terms as the unit.</summary>
    public Task<ApiResult<MyAgreement>> SignMyAgreement(Guid id, string? signerName, CancellationToken cancellationToken) =>
        Post<MyAgreement>($"funding/agreements/{id}/signatures", new MySignRequest("unit", signerName), cancellationToken);

    /// <summary>The unit's annual report windows (monitoring answers an applicant with its own unit's only), as summaries.</summary>
    public Task<ApiResult<List<MyAnnualReport>>> ListMyReports(CancellationToken cancellationToken) =>
        Get<List<MyAnnualReport>>("monitoring/reports?view=summary", cancellationToken);
}
