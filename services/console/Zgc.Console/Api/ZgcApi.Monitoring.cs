using System.Globalization;

namespace Zgc.Console.Api;

/// <summary>Monitoring: annual reports and their evaluation, rectification orders, fraud cases.</summary>
public sealed partial class ZgcApi
{
    /// <summary>
    /// The reports of one status (Open, Overdue, Submitted, Evaluated), or all when null: the first page of the most the
    /// service answers at once, earliest due first, with how many match in all; summaries (no indicators or checks).
    /// </summary>
    public async Task<ApiResult<MonitoringReportPage>> ListReports(string? status, CancellationToken cancellationToken)
    {
        var rows = await GetCapped<MonitoringReport>("monitoring/reports?view=summary&pageSize=" + MonitoringReportPage.Size.ToString(CultureInfo.InvariantCulture) +
            (status is null ? "" : "&status=" + Escape(status)), cancellationToken);
        return rows.Value is { } page ? ApiResult<MonitoringReportPage>.Ok(new MonitoringReportPage(page.Rows, page.Total)) : ApiResult<MonitoringReportPage>.Fail(rows.Error!);
    }

    public Task<ApiResult<MonitoringReport>> EvaluateReport(Guid reportId, ReportEvaluation evaluation, CancellationToken cancellationToken) =>
        Post<MonitoringReport>($"monitoring/reports/{reportId}/evaluation", evaluation, cancellationToken);

    /// <summary>Every platform's rectification orders, each with its platform's name (<c>GET /monitoring/rectifications</c>).</summary>
    public Task<ApiResult<List<Rectification>>> ListRectifications(CancellationToken cancellationToken) =>
        Get<List<Rectification>>("monitoring/rectifications", cancellationToken);

    public Task<ApiResult<List<FraudCase>>> ListFraudCases(CancellationToken cancellationToken) =>
        Get<List<FraudCase>>("monitoring/fraud-cases", cancellationToken);
}
