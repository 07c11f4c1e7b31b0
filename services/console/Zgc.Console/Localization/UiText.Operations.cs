namespace Zgc.Console.Localization;

public sealed partial class UiText
{
    /// <summary>The texts of the operations dashboard, platform page and notifications pages.</summary>
    private static IEnumerable<(string Key, string Zh, string En)> OperationsTexts() =>
    [
    ];
}
