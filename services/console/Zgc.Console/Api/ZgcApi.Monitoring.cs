namespace Zgc.Console.Api;

/// <summary>Monitoring: annual reports and their evaluation, rectification orders, fraud cases.</summary>
public sealed partial class ZgcApi
{
    /// <summary>The reports of one status (Open, Overdue, Submitted, Evaluated), or all when null.</summary>
    public Task<ApiResult<List<MonitoringReport>>> ListReports(string? status, CancellationToken cancellationToken) =>
        Get<List<MonitoringReport>>("monitoring/reports" + (status is null ? "" : "?status=" + Escape(status)), cancellationToken);

    public Task<ApiResult<MonitoringReport>> EvaluateReport(Guid reportId, ReportEvaluation evaluation, CancellationToken cancellationToken) =>
        Post<MonitoringReport>($"monitoring/reports/{reportId}/evaluation", evaluation, cancellationToken);

    public Task<ApiResult<List<MonitoredPlatform>>> ListMonitoredPlatforms(CancellationToken cancellationToken) =>
        Get<List<MonitoredPlatform>>("monitoring/platforms", cancellationToken);

    /// <summary>Every platform's rectification orders, each with its platform's name (<c>GET /monitoring/rectifications</c>).</summary>
    public Task<ApiResult<List<Rectification>>> ListRectifications(CancellationToken cancellationToken) =>
        Get<List<Rectification>>("monitoring/rectifications", cancellationToken);

    public Task<ApiResult<List<FraudCase>>> ListFraudCases(CancellationToken cancellationToken) =>
        Get<List<FraudCase>>("monitoring/fraud-cases", cancellationToken);
}
