namespace Zgc.Workflows.Contracts;

/// <summary>Timer of the workflows service: an application has been in expert review longer than its limit.</summary>
public sealed record ExpertReviewOverdue(Guid ApplicationId);
