using System.Globalization;

namespace Zgc.Console.Api;

/// <summary>Monitoring: annual reports and their evaluation, rectification orders, fraud cases.</summary>
public sealed partial class ZgcApi
{
    /// <summary>The most reports monitoring answers at once (its <c>ListPage.MaxSize</c>).</summary>
    public const int ReportPageSize = 500;

    /// <summary>
    /// The reports of one status (Open, Overdue, Submitted, Evaluated), or all when null: the first page of the most the
    /// service answers at once, earliest due first, with how many match in all; summaries (no indicators or checks).
    /// </summary>
    public Task<ApiResult<CappedList<MonitoringReport>>> ListReports(string? status, CancellationToken cancellationToken) =>
        GetCapped<MonitoringReport>("monitoring/reports?view=summary&pageSize=" + ReportPageSize.ToString(CultureInfo.InvariantCulture) +
            (status is null ? "" : "&status=" + Escape(status)), cancellationToken);

    public Task<ApiResult<MonitoringReport>> EvaluateReport(Guid reportId, ReportEvaluation evaluation, CancellationToken cancellationToken) =>
        Post<MonitoringReport>($"monitoring/reports/{reportId}/evaluation", evaluation, cancellationToken);

    /// <summary>Every platform's rectification orders, each with its platform's name (<c>GET /monitoring/rectifications</c>).</summary>
    public Task<ApiResult<List<Rectification>>> ListRectifications(CancellationToken cancellationToken) =>
        Get<List<Rectification>>("monitoring/rectifications", cancellationToken);

    public Task<ApiResult<List<FraudCase>>> ListFraudCases(CancellationToken cancellationToken) =>
        Get<List<FraudCase>>("monitoring/fraud-cases", cancellationToken);
}
