namespace Zgc.Console.Localization;

public sealed partial class UiText
{
    /// <summary>The texts of the applicant pages.</summary>
    private static IEnumerable<(string Key, string Zh, string En)> ApplicantTexts() =>
    [
    ];
}
