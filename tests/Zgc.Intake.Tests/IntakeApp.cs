using System.Net.Http.Json;
using Zgc.Intake.Features;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Intake.Tests;

public sealed class IntakeApp : ServiceAppFactory<Program>
{
    public const string UnitUscc = "91110108MA01ABCD1X";

    public static object ValidApplication(string subPark = "haidian") => new
    {
        unitName = "北京示例科技有限公司",
        platformName = "高精尖协同创新平台（示例）",
        industryField = "next-generation-it",
        subPark,
        totalInvestmentFen = 60_000_000_00L,
    };

    public async Task<ApplicationView> Submit(string subPark = "haidian", string unit = UnitUscc)
    {
        using var applicant = ClientFor(Roles.Applicant, unit: unit);
        var response = await applicant.PostAsJsonAsync("/intake/applications", ValidApplication(subPark), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ApplicationView>(TestContext.Current.CancellationToken))!;
    }
}
