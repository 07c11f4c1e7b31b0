using System.Net;
using System.Text;
using Zgc.Console.Auth;

namespace Zgc.Console.Tests;

/// <summary>A console whose funding API answers one forecast (two fiscal years with a budget, one platform-year) and its CSV.</summary>
public sealed class ConsoleAppWithForecast : ConsoleAppWithFakeApi
{
    public const string Csv = "row,fiscal_year,key\nyear,2027,\n";

    public ConsoleAppWithForecast()
    {
        Fake.Answer("/funding/forecast", """
            {"from":"2027-01-01","scenario":"rate","weight":{"numerator":3,"denominator":4,"value":0.75,"text":"0.75"},
             "scenarioExplanationEn":"chosen rate: every pending evaluation passes with probability 0.75","scenarioExplanationZh":"设定通过率：每项待进行的考核评估按0.75的概率通过",
             "policyOverride":null,
             "years":[
               {"fiscalYear":2027,"forecastFen":3170000000,"certainFen":2900000000,"weightedFen":270000000,"lines":3,"budgetFen":4000000000,"paidSoFarFen":500000000,"headroomFen":330000000,"explanationEn":"Forecast ¥31,700,000.00","explanationZh":"预测¥31,700,000.00"},
               {"fiscalYear":2028,"forecastFen":3074999999,"certainFen":0,"weightedFen":3074999999,"lines":3,"budgetFen":3000000000,"paidSoFarFen":0,"headroomFen":-74999999,"explanationEn":"shortfall","explanationZh":"缺口"},
               {"fiscalYear":2029,"forecastFen":0,"certainFen":0,"weightedFen":0,"lines":0,"budgetFen":null,"paidSoFarFen":0,"headroomFen":null,"explanationEn":"none","explanationZh":"无"}],
             "byField":[{"fiscalYear":2027,"key":"integrated-circuits","amountFen":2400000000,"lines":1}],
             "bySubPark":[{"fiscalYear":2027,"key":"haidian","amountFen":770000000,"lines":2}],
             "lines":[{"agreementId":"6f1b2c3d-0000-4000-8000-000000000001","applicationId":"6f1b2c3d-0000-4000-8000-000000000002","platformName":"集成电路设计服务平台",
               "unitName":"北京示例科技有限公司","industryField":"integrated-circuits","subPark":"haidian","especiallyMajor":false,"policyVersion":"2019-measures/v1",
               "constructionYear":2,"fiscalYear":2027,"basis":"planned-cap","capFen":360000000,"weight":{"numerator":3,"denominator":4,"value":0.75,"text":"0.75"},
               "amountFen":270000000,"explanationEn":"Year 2 cap = min(30% × planned investment ¥12,000,000.00, ceiling ¥10,000,000.00) × pass weight 0.75",
               "explanationZh":"第2年度上限 = min(30% × 计划投资¥12,000,000.00，上限¥10,000,000.00) × 通过权重0.75"}],
             "totalFen":6244999999,"beyondHorizonFen":0,"beyondHorizonLines":0,"excludedAgreements":1,"methodEn":"method","methodZh":"方法"}
            """);
        Fake.Answer("/funding/forecast.csv", Csv, mediaType: "text/csv");
    }
}

/// <summary>The forecast page, over a fake funding API.</summary>
public sealed class ForecastPageTests(ConsoleAppWithForecast app) : IClassFixture<ConsoleAppWithForecast>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finance_sees_the_years_against_the_budget_a_chart_the_breakdowns_the_csv_and_the_what_if_form()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "finance-preparer");

        var response = await browser.GetAsync("/forecast?scenario=rate&rate=0.75&from=2027-01-01", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleApp.Html(response);
        Assert.DoesNotContain("data-testid=\"api-error\"", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("data-testid=\"forecast-year\"").Length - 1);
        Assert.Contains("¥40,000,000.00", html, StringComparison.Ordinal); // the 2027 budget
        Assert.Contains("¥31,700,000.00", html, StringComparison.Ordinal); // the 2027 forecast
        Assert.Contains("-¥749,999.99", html, StringComparison.Ordinal); // the 2028 shortfall
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"forecast-chart\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("data-testid=\"chart-budget\"").Length - 1); // 2029 has no budget
        Assert.Contains("data-testid=\"forecast-by-field\"", html, StringComparison.Ordinal);
        Assert.Contains("集成电路", html, StringComparison.Ordinal); // the field's name, not its code
        Assert.Contains("海淀园", html, StringComparison.Ordinal);
        Assert.Contains("第2年度上限 = min(30% × 计划投资¥12,000,000.00", html, StringComparison.Ordinal); // how the figure was computed (Chinese by default)
        var csvLink = "href=\"data:text/csv;charset=utf-8;base64," + Convert.ToBase64String([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ConsoleAppWithForecast.Csv)]);
        Assert.Contains(csvLink, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"whatif-run\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"rate\" selected", html, StringComparison.Ordinal);

        var call = app.Fake.Requests.Last(r => r.Uri.AbsolutePath == "/funding/forecast");
        Assert.Equal("?scenario=rate&rate=0.75&from=2027-01-01", call.Uri.Query);
        Assert.StartsWith("Bearer ", call.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_english_and_the_menu_links_it_for_finance()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "finance-approver");

        var html = await ConsoleApp.Html(await browser.GetAsync("/forecast?lang=en", Ct));

        Assert.Contains("Funding forecast (next three fiscal years)", html, StringComparison.Ordinal);
        Assert.Contains("Year 2 cap = min(30% × planned investment ¥12,000,000.00", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-forecast\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_without_finance_is_denied_the_forecast_page()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "committee");

        var response = await browser.GetAsync("/forecast", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleAuth.AccessDeniedPath, response.Headers.Location!.AbsolutePath);
    }
}
