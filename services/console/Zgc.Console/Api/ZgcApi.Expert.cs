namespace Zgc.Console.Api;

/// <summary>The expert's own assignments in review: the service knows the expert from the token, so every call is "mine".</summary>
public sealed partial class ZgcApi
{
    public Task<ApiResult<List<ExpertAssignment>>> ListMyAssignments(CancellationToken cancellationToken) =>
        Get<List<ExpertAssignment>>("review/assignments", cancellationToken);

    public Task<ApiResult<ExpertAssignment>> GetMyAssignment(Guid panelId, CancellationToken cancellationToken) =>
        Get<ExpertAssignment>($"review/assignments/{panelId}", cancellationToken);

    /// <summary>The material; the service refuses it (409) until the expert has declared no conflict.</summary>
    public Task<ApiResult<ExpertMaterial>> GetAssignmentMaterial(Guid panelId, CancellationToken cancellationToken) =>
        Get<ExpertMaterial>($"review/assignments/{panelId}/material", cancellationToken);

    public Task<ApiResult<ExpertAssignment>> DeclareNoConflict(Guid panelId, CancellationToken cancellationToken) =>
        Post<ExpertAssignment>($"review/assignments/{panelId}/declaration", new NoConflictDeclaration(true), cancellationToken);

    public Task<ApiResult<ExpertAssignment>> DeclineAssignment(Guid panelId, DeclineAssignment request, CancellationToken cancellationToken) =>
        Post<ExpertAssignment>($"review/assignments/{panelId}/decline", request, cancellationToken);

    public Task<ApiResult<ExpertAssignment>> SubmitScore(Guid panelId, ExpertScore score, CancellationToken cancellationToken) =>
        Post<ExpertAssignment>($"review/assignments/{panelId}/score", score, cancellationToken);
}
