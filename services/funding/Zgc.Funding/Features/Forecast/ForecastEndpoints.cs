using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Zgc.Funding.Domain.Forecast;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features.Forecast;

/// <summary>The what-if policy of a request; every figure optional (left out: each agreement's own).</summary>
public sealed record WhatIfPolicyRequest(string? Version, int? SupportRatioPercent, long? StandardAnnualCeilingFen, long? EspeciallyMajorAnnualCeilingFen,
    int? ConstructionYears);

public sealed record WhatIfRequest(string? Scenario, decimal? Rate, string? From, WhatIfPolicyRequest? Policy);

/// <summary>
/// Issue 14: the funding forecast for finance (JSON and CSV) and the scenario replay (what-if). Read-only: the handlers
/// never call SaveChanges and nothing is sent; the what-if recomputes on untracked copies.
/// </summary>
internal static class ForecastEndpoints
{
    private static readonly string[] Finance = [Roles.FinancePreparer, Roles.FinanceApprover, Roles.Admin];

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/forecast", Json).RequireRoles(Finance).WithName("FundingForecast");
        group.MapGet("/forecast.csv", CsvFile).RequireRoles(Finance).WithName("FundingForecastCsv");
        group.MapPost("/forecast/what-if", WhatIfReplay).RequireRoles(Finance).WithName("FundingForecastWhatIf");
    }

    private static async Task<Ok<ForecastView>> Json(string? scenario, string? rate, string? from, FundingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ForecastView.Of(await Build(scenario, ParseRate(rate), from, db, clock, cancellationToken)));

    private static async Task<FileContentHttpResult> CsvFile(string? scenario, string? rate, string? from, FundingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var forecast = await Build(scenario, ParseRate(rate), from, db, clock, cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"funding-forecast-{forecast.From:yyyy-MM-dd}-{forecast.Scenario.Name}.csv");
        return TypedResults.File(Csv.Bytes(ForecastCsv.Write(forecast)), "text/csv; charset=utf-8", name);
    }

    private static async Task<Ok<WhatIfView>> WhatIfReplay(WhatIfRequest request, FundingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var p = request.Policy ?? throw new RuleViolationException("policy", "policy-versions",
            "A what-if needs a policy: supportRatioPercent, standardAnnualCeilingFen, especiallyMajorAnnualCeilingFen and/or constructionYears.",
            "情景推演须给出政策参数：支持比例、年度上限、特别重大创新平台上限和/或建设年限。");
        var policy = new PolicyOverride(p.Version, p.SupportRatioPercent, Fen(p.StandardAnnualCeilingFen), Fen(p.EspeciallyMajorAnnualCeilingFen),
            p.ConstructionYears).Validated();
        var snapshot = await ForecastSnapshot.Load(db, ParseFrom(request.From, clock), cancellationToken);
        var scenario = ForecastScenario.Parse(request.Scenario, request.Rate, () => snapshot.History);
        return TypedResults.Ok(WhatIfView.From(WhatIf.Compare(snapshot.Input, scenario, policy)));
    }

    private static async Task<ForecastResult> Build(string? scenario, decimal? rate, string? from, FundingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var date = ParseFrom(from, clock);
        // The scenario is checked before the database is read, so a bad one costs nothing.
        ForecastScenario.Parse(scenario, rate, () => new EvaluationHistory(0, 0));
        var snapshot = await ForecastSnapshot.Load(db, date, cancellationToken);
        return FundingForecast.Compute(snapshot.Input, ForecastScenario.Parse(scenario, rate, () => snapshot.History));
    }

    private static Money? Fen(long? fen) => fen is { } f ? Money.FromFen(f) : null;

    /// <summary>Default: today in Beijing. A date from 2019 to 2098 (so that its three fiscal years are budgetable years).</summary>
    private static DateOnly ParseFrom(string? from, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return BeijingTime.Today(clock);
        }

        if (!DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new RuleViolationException("from", "forecast-from", "The start date is written yyyy-MM-dd (e.g. 2027-01-01).", "起始日期格式为 yyyy-MM-dd（例如 2027-01-01）。");
        }

        if (date.Year < Zgc.Funding.Domain.AnnualBudget.FirstFiscalYear || date.Year > 2098)
        {
            throw new RuleViolationException("from", "forecast-from", "The start date is between 2019 and 2098.", "起始日期须在2019年至2098年之间。");
        }

        return date;
    }

    private static decimal? ParseRate(string? rate)
    {
        if (string.IsNullOrWhiteSpace(rate))
        {
            return null;
        }

        return decimal.TryParse(rate.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RuleViolationException("rate", "forecast-rate", "The pass rate is a number between 0 and 1 (e.g. 0.8).", "通过率须为0至1之间的数字（例如0.8）。");
    }
}

/// <summary>The forecast as one CSV table: a row per fiscal year, per field, per sub-park and per platform-year.</summary>
internal static class ForecastCsv
{
    public static StringBuilder Write(ForecastResult forecast)
    {
        var csv = new StringBuilder();
        csv.AppendLine("row,fiscal_year,key,platform,construction_year,basis,cap_fen,weight,amount_fen,budget_fen,paid_so_far_fen,headroom_fen,explanation_en,explanation_zh");
        foreach (var y in forecast.Years)
        {
            Row(csv, "year", y.FiscalYear, "", "", null, "", null, "", y.Forecast.Fen, y.Budget?.Fen, y.PaidSoFar.Fen, y.Headroom?.Fen, y.ExplanationEn, y.ExplanationZh);
        }

        foreach (var g in forecast.ByField)
        {
            Row(csv, "field", g.FiscalYear, g.Key, "", null, "", null, "", g.Amount.Fen, null, null, null, "", "");
        }

        foreach (var g in forecast.BySubPark)
        {
            Row(csv, "sub-park", g.FiscalYear, g.Key, "", null, "", null, "", g.Amount.Fen, null, null, null, "", "");
        }

        foreach (var l in forecast.Lines)
        {
            Row(csv, "platform-year", l.FiscalYear, l.AgreementId.ToString(), l.PlatformName, l.ConstructionYear, ForecastLineView.BasisName(l.Basis), l.Cap.Fen,
                l.Weight.Text, l.Amount.Fen, null, null, null, l.ExplanationEn, l.ExplanationZh);
        }

        Row(csv, "total", null, forecast.Scenario.Name, "", null, "", null, forecast.Scenario.Weight.Text, forecast.Total.Fen, null, null, null,
            forecast.Scenario.ExplanationEn, forecast.Scenario.ExplanationZh);
        return csv;
    }

    private static void Row(StringBuilder csv, string row, int? fiscalYear, string key, string platform, int? constructionYear, string basis, long? capFen,
        string weight, long amountFen, long? budgetFen, long? paidFen, long? headroomFen, string en, string zh) =>
        csv.AppendLine(string.Join(',', Csv.Cell(row), Csv.Cell(fiscalYear), Csv.Cell(key), Csv.Cell(platform), Csv.Cell(constructionYear), Csv.Cell(basis),
            Csv.Cell(capFen), Csv.Cell(weight), Csv.Cell(amountFen), Csv.Cell(budgetFen), Csv.Cell(paidFen), Csv.Cell(headroomFen), Csv.Cell(en), Csv.Cell(zh)));
}
