namespace Zgc.SharedKernel.Policy;

/// <summary>
/// Every policy version the deployment knows: the 2019 Trial Measures always, plus those configured (section
/// <c>Policy:Versions</c>). A version is chosen once per platform, by the date of its first submission, and then looked up
/// by its identifier for as long as the platform lives — so a configured version may be added but never removed.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly Dictionary<string, ProgrammePolicy> _byVersion;

    public PolicyCatalog(IEnumerable<ProgrammePolicy> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        _byVersion = new Dictionary<string, ProgrammePolicy>(StringComparer.Ordinal)
        {
            [ProgrammePolicy.TrialMeasures2019.Version] = ProgrammePolicy.TrialMeasures2019,
        };
        foreach (var policy in configured)
        {
            var problems = policy.Problems();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"Policy version '{policy.Version}' is invalid: " +
                    string.Join("; ", problems.Select(p => $"{p.Field}: {p.Error}")));
            }

            if (!_byVersion.TryAdd(policy.Version, policy))
            {
                throw new InvalidOperationException($"Policy version '{policy.Version}' is configured twice (the 2019 Trial Measures are built in).");
            }
        }

        if (_byVersion.Values.GroupBy(p => p.EffectiveFrom).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException(
                $"Policy versions {string.Join(", ", clash.Select(p => p.Version))} take effect on the same day {clash.Key:yyyy-MM-dd}; one must be in force.");
        }

        All = [.. _byVersion.Values.OrderBy(p => p.EffectiveFrom)];
    }

    /// <summary>The catalogue with only the built-in 2019 Trial Measures.</summary>
    public static PolicyCatalog BuiltIn { get; } = new([]);

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ProgrammePolicy> All { get; }

    /// <summary>
    /// The version in force on a Beijing date: the latest that took effect on or before it. Before 2019-09-18 there was
    /// no programme; the first version answers so that back-dated data still has rules.
    /// </summary>
    public ProgrammePolicy InForceOn(DateOnly date) => All.LastOrDefault(p => p.EffectiveFrom <= date) ?? All[0];

    /// <summary>The recorded version; an unknown identifier is a configuration error that must not be papered over.</summary>
    public ProgrammePolicy Get(string version) =>
        TryGet(version, out var policy)
            ? policy
            : throw new RuleViolationException("policyVersion", "policy-versions",
                $"Policy version '{version}' is not configured here; versions may be added but never removed (known: {string.Join(", ", _byVersion.Keys)}).",
                $"未配置政策版本“{version}”；政策版本只能新增不能删除。", RuleViolationException.ConflictStatus);

    public bool TryGet(string? version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProgrammePolicy? policy)
    {
        policy = null;
        return version is not null && _byVersion.TryGetValue(version, out policy);
    }
}
