using Microsoft.AspNetCore.Components;
using Zgc.Console.Api;
using Zgc.Console.Components.Pages.Finance;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Components.Pages.Monitoring;

/// <summary>The inbox's loading: four lists, each failing on its own (an admin may read reports but not fraud cases).</summary>
public sealed partial class MonitoringInbox : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private TablePages<MonitoringReport> reports = null!;
    private TablePages<Rectification> rectifications = null!;
    private TablePages<FraudCase> fraud = null!;
    private bool loading;
    private bool canEvaluate;
    private string? message;

    // Loaded while prerendering and handed over to the interactive render, so the APIs are called once per page load.
    [PersistentState]
    public List<MonitoringReport>? Awaiting { get; set; }

    [PersistentState]
    public List<MonitoringReport>? Overdue { get; set; }

    [PersistentState]
    public ApiError? ReportsError { get; set; }

    /// <summary>How many reports await evaluation in all (<see cref="Awaiting"/> holds the earliest due of them).</summary>
    [PersistentState]
    public int AwaitingTotal { get; set; }

    [PersistentState]
    public int OverdueTotal { get; set; }

    [PersistentState]
    public List<Rectification>? Rectifications { get; set; }

    [PersistentState]
    public ApiError? RectificationsError { get; set; }

    [PersistentState]
    public List<FraudCase>? FraudCases { get; set; }

    [PersistentState]
    public ApiError? FraudError { get; set; }

    protected override async Task OnInitializedAsync()
    {
        reports = new TablePages<MonitoringReport>(new Dictionary<string, Func<MonitoringReport, IComparable?>>
        {
            ["platform"] = r => r.PlatformName ?? PlatformName(r.ApplicationId),
            ["year"] = r => r.ConstructionYear,
            ["submitted"] = r => r.SubmittedAt,
        }, r => [r.PlatformName ?? PlatformName(r.ApplicationId), r.UnitUscc], "submitted");
        rectifications = new TablePages<Rectification>(new Dictionary<string, Func<Rectification, IComparable?>>
        {
            ["platform"] = o => o.PlatformName ?? PlatformName(o.ApplicationId),
            // Overdue first, then open, then completed.
            ["status"] = o => o.Status switch { "Overdue" => 0, "Open" => 1, _ => 2 },
            ["deadline"] = o => o.Deadline,
        }, o => [o.PlatformName ?? PlatformName(o.ApplicationId), o.Requirements], "status");
        fraud = new TablePages<FraudCase>(new Dictionary<string, Func<FraudCase, IComparable?>>
        {
            ["unit"] = c => c.UnitName,
            ["status"] = c => c.Status switch { "Opened" => 0, "Investigating" => 1, _ => 2 },
            ["opened"] = c => c.OpenedAt,
        }, c => [c.UnitName, c.UnitUscc, c.Allegation], "status");
        canEvaluate = (await Authentication.GetAuthenticationStateAsync()).User.IsInRole(Roles.MonitoringOfficer);
        if (Awaiting is null && ReportsError is null)
        {
            await Load();
        }
    }

    private async Task Load()
    {
        loading = true;
        try
        {
            var submitted = await Api.ListReports("Submitted", disposed.Token);
            var overdue = await Api.ListReports("Overdue", disposed.Token);
            ReportsError = submitted.Error ?? overdue.Error;
            Awaiting = submitted.Value?.Rows;
            AwaitingTotal = submitted.Value?.Total ?? 0;
            Overdue = overdue.Value?.Rows;
            OverdueTotal = overdue.Value?.Total ?? 0;
            var cases = await Api.ListFraudCases(disposed.Token);
            FraudError = cases.Error;
            FraudCases = cases.Value;
            await LoadRectifications();
        }
        finally
        {
            loading = false;
        }
    }

    private async Task LoadRectifications()
    {
        var orders = await Api.ListRectifications(disposed.Token);
        RectificationsError = orders.Error;
        Rectifications = orders.Value;
    }

    /// <summary>The platform's name as the lists gave it (each row carries its own); the id's start when none did.</summary>
    private string PlatformName(Guid applicationId) =>
        (Awaiting ?? []).Concat(Overdue ?? []).Where(r => r.ApplicationId == applicationId).Select(r => r.PlatformName)
            .Concat((Rectifications ?? []).Where(o => o.ApplicationId == applicationId).Select(o => o.PlatformName))
            .FirstOrDefault(name => name is not null) ?? applicationId.ToString()[..8];

    private async Task Evaluated(MonitoringReport report)
    {
        message = T.Format("monitoring.evaluated", PlatformName(report.ApplicationId), report.ConstructionYear, T["monitoring.grade." + report.Grade]);
        await Load();
    }

    private string ReportsCsv => CsvDataAddress.DataUri(
        [
            ["report_id", "application_id", "platform", "uscc", "construction_year", "period_start", "period_end", "submitted_at", "late"],
            .. (Awaiting ?? []).Select(r => new[]
            {
                r.Id.ToString(), r.ApplicationId.ToString(), r.PlatformName ?? PlatformName(r.ApplicationId), r.UnitUscc,
                r.ConstructionYear.ToString(System.Globalization.CultureInfo.InvariantCulture), r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                r.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.SubmittedAt is { } at ? T.Time(at) : "", r.SubmittedLate ? "yes" : "no",
            }),
        ]);

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
