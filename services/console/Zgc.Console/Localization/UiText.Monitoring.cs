namespace Zgc.Console.Localization;

public sealed partial class UiText
{
    /// <summary>The texts of the monitoring officer pages.</summary>
    private static IEnumerable<(string Key, string Zh, string En)> MonitoringTexts() =>
    [
    ];
}
