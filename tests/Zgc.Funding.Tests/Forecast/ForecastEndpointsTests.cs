using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Features.Forecast;
using Zgc.Funding.Persistence;
using Zgc.Monitoring.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Funding.Tests.Forecast;

/// <summary>
/// The forecast API over a real funding service. Both platforms are included on 2026-03-02 (Beijing), so their
/// construction years 2 and 3 start on 2027-03-02 and 2028-03-02; the forecast runs from 2027-01-01.
/// </summary>
public sealed class ForecastEndpointsTests
{
    private const string From = "2027-01-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Ordinary: base ¥40 M, year-1 award ¥5 M (due), planned year-2 investment ¥12 M, no year-3 target. Especially major:
    /// base ¥150 M, award ¥30 M (due), year-1 evaluation failed (year 2 not eligible). Budget 2027: ¥40 M.
    /// </summary>
    private static async Task<(Guid Ordinary, Guid Major)> TwoPlatforms(FundingApp app)
    {
        var ordinary = FundingApp.NewPlatform();
        var agreement = await app.Draft(ordinary);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var terms = new
        {
            year1AwardFen = 5_000_000_00L,
            targets = new { year2 = new { majorBreakthroughs = 1, inventionPatents = 2, standards = 0, enterprisesIntegratedOrServed = 10, investmentScaleFen = 12_000_000_00L, outputValueFen = 0L } },
        };
        (await officer.PutAsJsonAsync($"/funding/agreements/{agreement.Id}/terms", terms, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/signatures", new { party = "committee" }, Ct)).EnsureSuccessStatusCode();
        using var unit = app.ClientFor(Roles.Applicant, unit: ordinary.UnitUscc);
        (await unit.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/signatures", new { party = "unit", signerName = "张三" }, Ct)).EnsureSuccessStatusCode();

        var majorCommand = FundingApp.NewPlatform(supportBaseFen: 150_000_000_00, especiallyMajor: true, uscc: "91110108MA01ABCE2Y", field: "integrated-circuits",
            subPark: "yizhuang");
        var major = await app.SignAgreement(majorCommand, 30_000_000_00);
        await app.Bus.Publish(new AnnualEvaluationCompleted(majorCommand.ApplicationId, 1, false, 0, "未完成年度目标", "monitor", DateTimeOffset.UtcNow), Ct);
        await Eventually.Get(() => app.InDb<FundingDbContext, int>(db => db.FundingYears.CountAsync(y => y.AgreementId == major.Id)), n => n == 2,
            "year 2 recorded as not eligible");
        await app.SetBudget(2027, 40_000_000_00);
        return (agreement.Id, major.Id);
    }

    [Fact, Trait("Req", "R-A10-MAJOR"), Trait("Req", "R-A10-Y23")]
    public async Task The_forecast_weighs_pending_years_excludes_a_failed_evaluation_and_compares_with_the_budget()
    {
        await using var app = new FundingApp();
        var (ordinary, major) = await TwoPlatforms(app);
        using var finance = app.ClientFor(Roles.FinancePreparer);

        var forecast = (await finance.GetFromJsonAsync<ForecastView>($"/funding/forecast?scenario=rate&rate=0.5&from={From}", Ct))!;

        Assert.Equal("rate", forecast.Scenario);
        Assert.Equal([2027, 2028, 2029], forecast.Years.Select(y => y.FiscalYear));
        // Ordinary: year 1 ¥5,000,000.00 (2027); year 2 min(30 % × 12,000,000.00, 10,000,000.00) = 3,600,000.00 × 0.5 = 1,800,000.00 (2027);
        // year 3 has no target: min(30 % × 40,000,000.00, 10,000,000.00) = 10,000,000.00 × 0.5 = 5,000,000.00 (2028).
        Assert.Equal(5_000_000_00L, Line(forecast, ordinary, 1).AmountFen);
        Assert.Equal(1_800_000_00L, Line(forecast, ordinary, 2).AmountFen);
        Assert.Equal(5_000_000_00L, Line(forecast, ordinary, 3).AmountFen);
        // Especially major: year 1 ¥30,000,000.00 due; year 2 not eligible (failed evaluation) → left out;
        // year 3 min(30 % × 150,000,000.00 = 45,000,000.00, 30,000,000.00) × 0.5 = 15,000,000.00 (2028).
        Assert.Equal(30_000_000_00L, Line(forecast, major, 1).AmountFen);
        Assert.DoesNotContain(forecast.Lines, l => l.AgreementId == major && l.ConstructionYear == 2);
        Assert.Equal(15_000_000_00L, Line(forecast, major, 3).AmountFen);
        Assert.Contains("especially major platform ceiling ¥30,000,000.00", Line(forecast, major, 3).ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("特别重大创新平台上限¥30,000,000.00", Line(forecast, major, 3).ExplanationZh, StringComparison.Ordinal);

        // 2027: 5,000,000.00 + 1,800,000.00 + 30,000,000.00 = 36,800,000.00; headroom 40,000,000.00 − 0 − 36,800,000.00 = 3,200,000.00.
        Assert.Equal(36_800_000_00L, forecast.Years[0].ForecastFen);
        Assert.Equal(3_200_000_00L, forecast.Years[0].HeadroomFen);
        // 2028: 5,000,000.00 + 15,000,000.00 = 20,000,000.00; no budget.
        Assert.Equal(20_000_000_00L, forecast.Years[1].ForecastFen);
        Assert.Null(forecast.Years[1].BudgetFen);
        Assert.Equal(30_000_000_00L, forecast.ByField.Single(g => g.FiscalYear == 2027 && g.Key == "integrated-circuits").AmountFen);
        Assert.Equal(6_800_000_00L, forecast.BySubPark.Single(g => g.FiscalYear == 2027 && g.Key == "haidian").AmountFen);

        // Historic: the one recorded evaluation failed → 0/1: pending years weigh 0; 2027 = 5,000,000.00 + 0 + 30,000,000.00.
        var historic = (await finance.GetFromJsonAsync<ForecastView>($"/funding/forecast?scenario=historic&from={From}", Ct))!;
        Assert.Equal(0, historic.Weight.Numerator);
        Assert.Contains("0 of 1 recorded annual evaluations passed", historic.ScenarioExplanationEn, StringComparison.Ordinal);
        Assert.Equal(35_000_000_00L, historic.Years[0].ForecastFen);
    }

    [Fact]
    public async Task Only_finance_and_admin_may_read_the_forecast()
    {
        await using var app = new FundingApp();
        foreach (var role in new[] { Roles.FinancePreparer, Roles.FinanceApprover, Roles.Admin })
        {
            using var client = app.ClientFor(role);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/funding/forecast", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/funding/forecast.csv", Ct)).StatusCode);
        }

        foreach (var role in new[] { Roles.CommitteeOfficer, Roles.MonitoringOfficer, Roles.Applicant })
        {
            using var client = app.ClientFor(role, unit: FundingApp.Uscc);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/funding/forecast", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/funding/forecast/what-if", new { policy = new { supportRatioPercent = 25 } }, Ct)).StatusCode);
        }

        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/funding/forecast", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("scenario=optimistic", "scenario")]
    [InlineData("scenario=rate", "rate")]
    [InlineData("scenario=rate&rate=1.5", "rate")]
    [InlineData("scenario=rate&rate=abc", "rate")]
    [InlineData("scenario=rate&rate=0.12345", "rate")]
    [InlineData("from=2027-13-01", "from")]
    [InlineData("from=2018-12-31", "from")]
    public async Task A_bad_query_is_a_400_naming_the_field(string query, string field)
    {
        await using var app = new FundingApp();
        using var finance = app.ClientFor(Roles.FinanceApprover);
        foreach (var path in new[] { "/funding/forecast?", "/funding/forecast.csv?" })
        {
            var response = await finance.GetAsync(path + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task The_csv_has_a_row_per_fiscal_year_group_and_platform_year_with_the_explanations()
    {
        await using var app = new FundingApp();
        var (ordinary, _) = await TwoPlatforms(app);
        using var finance = app.ClientFor(Roles.Admin);

        var response = await finance.GetAsync($"/funding/forecast.csv?scenario=all-pass&from={From}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("funding-forecast-2027-01-01-all-pass.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r')).ToList();
        Assert.StartsWith("row,fiscal_year,key,platform,construction_year,basis,cap_fen,weight,amount_fen,budget_fen", rows[0], StringComparison.Ordinal);
        // 2027 under all pass: 5,000,000.00 + 3,600,000.00 + 30,000,000.00 = 38,600,000.00 fen 3,860,000,000; budget 4,000,000,000; headroom 140,000,000.
        Assert.Contains(rows, r => r.StartsWith("year,2027,,,,,,,3860000000,4000000000,0,140000000,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith($"platform-year,2027,{ordinary},", StringComparison.Ordinal) && r.Contains(",planned-cap,360000000,1,360000000,",
            StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("field,2027,integrated-circuits,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("sub-park,2028,yizhuang,", StringComparison.Ordinal));
        Assert.StartsWith("total,,all-pass,", rows[^1], StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public async Task A_what_if_compares_with_today_and_never_changes_the_funding_database()
    {
        await using var app = new FundingApp();
        var (ordinary, major) = await TwoPlatforms(app);
        using var finance = app.ClientFor(Roles.FinancePreparer);
        // Let the background dispatcher deliver what the set-up queued, so the database is at rest before the snapshot.
        await Eventually.Get(() => app.InDb<FundingDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.DeliveredAt == null)), n => n == 0,
            "set-up messages delivered");
        var before = await Snapshot(app);
        var outboxBefore = await app.InDb<FundingDbContext, int>(db => db.OutboxMessages.CountAsync());

        var response = await finance.PostAsJsonAsync("/funding/forecast/what-if", new
        {
            scenario = "all-pass",
            from = From,
            policy = new { version = "2027-draft", supportRatioPercent = 25, standardAnnualCeilingFen = 8_000_000_00L, especiallyMajorAnnualCeilingFen = 20_000_000_00L },
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var whatIf = (await response.Content.ReadFromJsonAsync<WhatIfView>(Ct))!;
        // Ordinary year 1: award 5,000,000.00 below its cap → kept (new cap min(25 % × 40 M, 8 M) = 8,000,000.00).
        Assert.Equal((5_000_000_00L, 5_000_000_00L), Pair(whatIf, ordinary, 1));
        // Ordinary year 2: min(25 % × 12,000,000.00 = 3,000,000.00, 8,000,000.00) = 3,000,000.00 (today 3,600,000.00).
        Assert.Equal((3_600_000_00L, 3_000_000_00L), Pair(whatIf, ordinary, 2));
        // Major year 1: award 30,000,000.00 was at its cap → follows the new cap min(25 % × 150 M = 37.5 M, 20 M) = 20,000,000.00.
        Assert.Equal((30_000_000_00L, 20_000_000_00L), Pair(whatIf, major, 1));
        // 2027: today 38,600,000.00; what-if 5,000,000.00 + 3,000,000.00 + 20,000,000.00 = 28,000,000.00.
        Assert.Equal((38_600_000_00L, 28_000_000_00L, -10_600_000_00L), (whatIf.Years[0].CurrentFen, whatIf.Years[0].WhatIfFen, whatIf.Years[0].DifferenceFen));
        Assert.Equal("2027-draft", whatIf.PolicyVersion);

        // The live records are exactly as they were, and nothing was queued to send.
        Assert.Equal(before, await Snapshot(app));
        Assert.Equal(outboxBefore, await app.InDb<FundingDbContext, int>(db => db.OutboxMessages.CountAsync()));
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var agreement = await officer.GetFromJsonAsync<JsonElement>($"/funding/agreements/{major}", Ct);
        Assert.Equal(30, agreement.GetProperty("policy").GetProperty("supportRatioPercent").GetInt32());
    }

    [Theory]
    [InlineData("""{"policy":{"supportRatioPercent":0}}""", "policy.supportRatioPercent")]
    [InlineData("""{"policy":{"standardAnnualCeilingFen":-1}}""", "policy.standardAnnualCeilingFen")]
    [InlineData("""{"policy":{"standardAnnualCeilingFen":1000000000,"especiallyMajorAnnualCeilingFen":100}}""", "policy.especiallyMajorAnnualCeilingFen")]
    [InlineData("""{"policy":{"constructionYears":11}}""", "policy.constructionYears")]
    [InlineData("""{"scenario":"rate","rate":2,"policy":{"supportRatioPercent":25}}""", "rate")]
    [InlineData("""{"from":"tomorrow","policy":{"supportRatioPercent":25}}""", "from")]
    [InlineData("""{"scenario":"all-pass"}""", "policy")]
    public async Task A_bad_what_if_is_a_400_naming_the_field(string body, string field)
    {
        await using var app = new FundingApp();
        using var finance = app.ClientFor(Roles.FinancePreparer);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await finance.PostAsync("/funding/forecast/what-if", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
    }

    private static ForecastLineView Line(ForecastView forecast, Guid agreementId, int year) =>
        Assert.Single(forecast.Lines, l => l.AgreementId == agreementId && l.ConstructionYear == year);

    private static (long Current, long WhatIf) Pair(WhatIfView view, Guid agreementId, int year)
    {
        var line = Assert.Single(view.Lines, l => l.AgreementId == agreementId && l.ConstructionYear == year);
        return (line.CurrentFen, line.WhatIfFen);
    }

    /// <summary>Every row of every table of the funding model (agreements, years, runs, ledger, outbox, inbox …), as text.</summary>
    private static Task<string> Snapshot(FundingApp app) => app.InDb<FundingDbContext, string>(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            text.Append("## ").AppendLine(table);
            await AppendRows(reader, text);
        }

        return text.ToString();
    });

    private static async Task AppendRows(DbDataReader reader, StringBuilder text)
    {
        while (await reader.ReadAsync(Ct))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }

            text.AppendLine();
        }
    }
}
