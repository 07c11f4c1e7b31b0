namespace Zgc.Intake.Domain;

public enum ApplicationStatus
{
    Submitted,
    Recommended,
}
