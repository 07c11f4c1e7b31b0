namespace Zgc.Notice.Domain;

/// <summary>A public notice of an approved platform on the ZGC website (Art. 13, R-A13-NOTICE).</summary>
public sealed class PublicNotice
{
    private PublicNotice()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string PlatformName { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public static PublicNotice Publish(Guid id, Guid applicationId, string platformName, string unitName, DateTimeOffset now)
    {
        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(now);
        return new PublicNotice
        {
            Id = id,
            ApplicationId = applicationId,
            PlatformName = platformName,
            UnitName = unitName,
            StartsOn = startsOn,
            EndsOn = endsOn,
            ClosesAt = closesAt,
            PublishedAt = now,
        };
    }
}
