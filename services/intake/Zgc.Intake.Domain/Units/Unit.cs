namespace Zgc.Intake.Domain.Units;

/// <summary>An applicant unit, keyed by its USCC; its users are those whose token carries that code.</summary>
public sealed class Unit
{
    private Unit()
    {
    }

    public string Uscc { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? LeadUnitType { get; private set; }

    public UnitProfile Profile { get; private set; } = new();

    public string RegisteredBy { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Registers a unit; the profile must already have passed <see cref="UnitRules.Validate"/>.</summary>
    public static Unit Register(string uscc, UnitProfile profile, string user, DateTimeOffset now)
    {
        var unit = new Unit { Uscc = uscc, RegisteredBy = user, RegisteredAt = now };
        unit.Update(profile, now);
        return unit;
    }

    public void Update(UnitProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Name = profile.Name?.Trim() ?? "";
        LeadUnitType = LeadUnitTypeCode(profile.LeadUnitType);
        UpdatedAt = now;
    }

    private static string? LeadUnitTypeCode(string? code) =>
        SharedKernel.LeadUnitType.TryParse(code, out var type) ? type.Code : null;
}
