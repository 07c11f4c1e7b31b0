namespace Zgc.Monitoring.Domain.Reports;

/// <summary>
/// Cost categories of the investment made, the same codes as the application's funding input. All but land and
/// construction-installation (建安) are the support base of Art. 10 (R-A10-BASE), whose self-raised part is the base
/// of the next year's cap (R-A10-Y23).
/// </summary>
public static class InvestmentCategories
{
    public const string Land = "land";
    public const string ConstructionInstallation = "construction-installation";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "production-lines", "equipment-materials", "premises-rent", "space-renovation", "personnel", "outsourced-testing", "cooperative-rd",
        "information-systems", "loan-interest", "exhibitions", "industry-matchmaking", Land, ConstructionInstallation,
    };

    public static bool InSupportBase(string code) => code is not (Land or ConstructionInstallation);
}
