namespace Zgc.Workflows.Contracts;

/// <summary>An instance has waited in <see cref="State"/> longer than the configured limit; operators should act (S-OPS).</summary>
public sealed record LifecycleWaitingTooLong(
    Guid InstanceId,
    string State,
    DateTimeOffset EnteredAt,
    DateTimeOffset RaisedAt);
