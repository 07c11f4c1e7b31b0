namespace Zgc.Notice.Contracts;

/// <summary>Command from the workflows service: publicly notice an approved platform (R-A13-NOTICE).</summary>
public sealed record PublishNotice(
    Guid ApplicationId,
    string PlatformName,
    string UnitName);
