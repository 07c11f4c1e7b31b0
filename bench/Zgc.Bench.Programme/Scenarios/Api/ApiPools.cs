using System.Collections.Concurrent;

namespace Zgc.Bench.Programme.Scenarios.Api;

/// <summary>An application the seeding submitted: who owns it and which sub-park officer sees it.</summary>
internal sealed record SeededApplication(Guid Id, int Unit, string SubPark);

/// <summary>
/// What the load's requests act on: the seeded records to read, and the records a write uses up (a draft is submitted
/// once, an application accepted once), refilled where the load itself creates them.
/// </summary>
internal sealed class ApiPools
{
    public List<SeededApplication> Submitted { get; } = [];

    /// <summary>Recommended applications: the review service has a case for each.</summary>
    public List<Guid> ReviewCases { get; } = [];

    public List<Guid> Agreements { get; } = [];

    /// <summary>Drafts the applicants keep editing (never submitted, so an update always finds a draft).</summary>
    public List<(Guid Id, int Unit)> EditableDrafts { get; } = [];

    /// <summary>Drafts waiting to be submitted; every draft the load creates joins them.</summary>
    public ConcurrentQueue<(Guid Id, int Unit)> DraftsToSubmit { get; } = new();

    /// <summary>Submitted applications their sub-park officer has not accepted yet.</summary>
    public ConcurrentQueue<SeededApplication> AwaitingAcceptance { get; } = new();
}
