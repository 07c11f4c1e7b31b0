namespace Zgc.Monitoring;

/// <summary>The monitoring part of the policy configuration (section <c>Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    private static readonly int[] DefaultReminderDays = [14, 3];

    /// <summary>
    /// Days before an annual report's due date on which the unit is reminded (00:00 Beijing of that day), while the
    /// report is not submitted. Empty (not configured): 14 and 3. Kept empty by default because the configuration
    /// binder appends configured array items to a non-empty default instead of replacing it.
    /// </summary>
    public int[] ReminderDaysBeforeDue { get; set; } = [];

    public IReadOnlyList<int> EffectiveReminderDays => ReminderDaysBeforeDue.Length == 0 ? DefaultReminderDays : ReminderDaysBeforeDue;

    /// <summary>Length of the construction period in years, for "enterprises served on course for 50" (R-A8-SERVED). Default 3.</summary>
    public int ConstructionYears { get; set; } = 3;
}
