using System.Globalization;
using System.Text.Json.Nodes;

namespace Zgc.Console.Api;

/// <summary>What the operations dashboard and the platform page read.</summary>
public sealed partial class ZgcApi
{
    /// <summary>The services that keep timers (each answers <c>GET /{service}/timers</c> to operators).</summary>
    public static readonly string[] TimerServices = ["intake", "review", "notice", "funding", "monitoring", "workflows"];

    public Task<ApiResult<List<StateCount>>> CountByState(CancellationToken cancellationToken) =>
        Get<List<StateCount>>("workflows/counts", cancellationToken);

    public Task<ApiResult<Incidents>> GetIncidents(CancellationToken cancellationToken) =>
        Get<Incidents>("workflows/incidents", cancellationToken);

    /// <summary>
    /// Every service's pending timers, soonest first — at most <paramref name="limit"/> from each service, and only those of
    /// <paramref name="correlationIds"/> when given (each service filters, so a platform's timers are found however many
    /// others are pending); a service that cannot be read is named in the failures.
    /// </summary>
    public async Task<(List<ServiceTimer> Timers, List<string> Failed)> PendingTimers(CancellationToken cancellationToken, int? limit = null,
        IReadOnlyCollection<Guid>? correlationIds = null)
    {
        var query = QueryString.Of([("limit", limit?.ToString(CultureInfo.InvariantCulture)),
            .. (correlationIds ?? []).Select(id => ("correlationId", (string?)id.ToString()))]);
        var path = query.Length == 0 ? "timers" : "timers?" + query;
        var answers = await Task.WhenAll(TimerServices.Select(async s => (Service: s, Result: await Get<List<PendingTimer>>($"{s}/{path}", cancellationToken))));
        var timers = answers.Where(a => a.Result.Succeeded).SelectMany(a => a.Result.Value!.Select(t => new ServiceTimer(a.Service, t)))
            .OrderBy(t => t.Timer.DueTime).ToList();
        return (timers, [.. answers.Where(a => !a.Result.Succeeded).Select(a => a.Service)]);
    }

    /// <summary>Funding awarded and paid, grouped <paramref name="by"/> fiscalYear, field or subPark.</summary>
    public Task<ApiResult<FundingTotals>> FundingTotals(string by, CancellationToken cancellationToken) =>
        Get<FundingTotals>("funding/reports/totals?by=" + Escape(by), cancellationToken);

    /// <summary>The <paramref name="lowest"/> reported platform-years furthest behind their targets, lowest first (<c>GET /monitoring/attainment?lowest=</c>).</summary>
    public Task<ApiResult<List<Attainment>>> GetAttainment(int lowest, CancellationToken cancellationToken) =>
        Get<List<Attainment>>("monitoring/attainment?lowest=" + lowest.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>Any JSON resource as the user, to show as it is (the platform page's application, agreement, reports).</summary>
    public Task<ApiResult<JsonNode>> GetJson(string relativePath, CancellationToken cancellationToken) =>
        Get<JsonNode>(relativePath, cancellationToken);

    // ── the administrator's page ──
    public Task<ApiResult<CalendarOverview>> CalendarYears(CancellationToken cancellationToken) =>
        Get<CalendarOverview>("notice/calendar/years", cancellationToken);

    public Task<ApiResult<CalendarYearStored>> PutCalendarYear(int year, CalendarYearInput input, CancellationToken cancellationToken) =>
        Put<CalendarYearStored>($"notice/calendar/years/{year}", input, cancellationToken);

    public Task<ApiResult<List<PolicyVersion>>> Policies(CancellationToken cancellationToken) =>
        Get<List<PolicyVersion>>("workflows/policies", cancellationToken);

    /// <summary>Re-deliver or discard a faulted message of <paramref name="service"/> (the workflows service forwards it; audited there).</summary>
    public Task<ApiResult<Done>> DecideFault(string service, Guid faultId, string action, CancellationToken cancellationToken) =>
        Post<Done>($"workflows/incidents/{Escape(service)}/faults/{faultId}/{Escape(action)}", null, cancellationToken);
}
