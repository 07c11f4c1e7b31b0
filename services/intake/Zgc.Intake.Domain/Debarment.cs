namespace Zgc.Intake.Domain;

/// <summary>
/// A unit that may never apply again (Art. 15, R-A15-DEBARRED). Intake keeps its own list, from monitoring's
/// <c>UnitDebarred</c> events and from entries an administrator makes.
/// </summary>
public sealed class Debarment
{
    public const string Rule = "R-A15-DEBARRED";

    private Debarment()
    {
    }

    public string UnitUscc { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public string DecisionReference { get; private set; } = "";

    public string DecidedBy { get; private set; } = "";

    public DateTimeOffset DebarredAt { get; private set; }

    /// <summary><c>monitoring</c> (from UnitDebarred) or <c>admin</c>.</summary>
    public string Source { get; private set; } = "";

    public Guid? ApplicationId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Debarment Create(string unitUscc, string unitName, string reason, string decisionReference, string decidedBy,
        DateTimeOffset debarredAt, string source, Guid? applicationId, DateTimeOffset now) => new()
        {
            UnitUscc = unitUscc,
            UnitName = unitName,
            Reason = reason,
            DecisionReference = decisionReference,
            DecidedBy = decidedBy,
            DebarredAt = debarredAt,
            Source = source,
            ApplicationId = applicationId,
            RecordedAt = now,
        };
}
