using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features.Dashboards;

public sealed record PlatformView(Guid ApplicationId, Guid? AgreementId, string PlatformName, string UnitUscc, string UnitName, string IndustryField,
    string SubPark, string? Principal, PlatformStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? StatusChangedAt)
{
    public static PlatformView From(MonitoredPlatform p) => new(p.ApplicationId, p.AgreementId, p.PlatformName, p.UnitUscc, p.UnitName, p.IndustryField,
        p.SubPark, p.Principal, p.Status, p.CreatedAt, p.StatusChangedAt);
}

public sealed record PlatformEventView(Guid Id, PlatformEventKind Kind, string Summary, Guid? SubjectId, string? Reference, string By, DateTimeOffset At)
{
    public static PlatformEventView From(PlatformEvent e) => new(e.Id, e.Kind, e.Summary, e.SubjectId, e.Reference, e.By, e.At);
}

/// <summary>One construction year of a platform's indicator history.</summary>
public sealed record IndicatorYearView(int ConstructionYear, DateOnly PeriodStart, DateOnly PeriodEnd, AnnualReportStatus Status, long? RdIntensityBasisPoints,
    Money RdExpenditure, Money Revenue, int SmesDriven, Money DrivenSmeRevenue, int EnterprisesServed, int InventionPatentsFiled,
    int InventionPatentsGranted, int StandardsCreated, int MajorBreakthroughs, Money OutputValue, Money TotalInvestment, Money SelfRaisedInvestment,
    Grade? Grade);

/// <summary>Attainment of one platform in one construction year: its checks and the attainment of each agreement target.</summary>
public sealed record AttainmentView(Guid ApplicationId, string PlatformName, string UnitName, int ConstructionYear, AnnualReportStatus Status,
    Grade? Grade, int ChecksHolding, int ChecksTotal, long? AverageTargetAttainmentBasisPoints, IReadOnlyList<Reports.TargetView> Targets);

/// <summary>Read models for dashboards: platforms, their history and indicators, attainment across platforms.</summary>
internal static class Dashboards
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/platforms", List).RequireRoles([.. Roles.Operators, Roles.Applicant]).WithName("ListMonitoredPlatforms");
        group.MapGet("/platforms/{applicationId:guid}", Get).RequireRoles([.. Roles.Operators, Roles.Applicant]).WithName("GetMonitoredPlatform");
        group.MapGet("/platforms/{applicationId:guid}/history", History).RequireRoles([.. Roles.Operators, Roles.Applicant]).WithName("PlatformHistory");
        group.MapGet("/platforms/{applicationId:guid}/indicators", Indicators).RequireRoles([.. Roles.Operators, Roles.Applicant])
            .WithName("PlatformIndicatorHistory");
        group.MapGet("/attainment", Attainment).RequireOperators().WithName("AttainmentAcrossPlatforms");
    }

    /// <summary>
    /// The platforms the caller may see — operators every platform, an applicant those of its own unit — by name, a page
    /// at a time (<see cref="ListPage"/>).
    /// </summary>
    private static async Task<IResult> List(PlatformStatus? status, int? page, int? pageSize, ClaimsPrincipal user, MonitoringDbContext db, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var slice = ListPage.Of(page, pageSize);
        var query = db.Platforms.AsNoTracking();
        if (!Access.IsOperator(user))
        {
            var unit = user.UnitCode() ?? "";
            query = query.Where(p => p.UnitUscc == unit);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        ListPage.WriteTotal(response, await query.CountAsync(cancellationToken));
        var platforms = await query.OrderBy(p => p.PlatformName).ThenBy(p => p.ApplicationId).Skip(slice.Skip).Take(slice.Take).ToListAsync(cancellationToken);
        return TypedResults.Ok(platforms.Select(PlatformView.From).ToList());
    }

    private static async Task<IResult> Get(Guid applicationId, ClaimsPrincipal user, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        return platform is null || !Access.MaySee(user, platform) ? Access.NotFound("platform") : TypedResults.Ok(PlatformView.From(platform));
    }

    private static async Task<IResult> History(Guid applicationId, ClaimsPrincipal user, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null || !Access.MaySee(user, platform))
        {
            return Access.NotFound("platform");
        }

        var events = await db.History.AsNoTracking().Where(e => e.ApplicationId == applicationId).ToListAsync(cancellationToken);
        return TypedResults.Ok(events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(PlatformEventView.From).ToList());
    }

    private static async Task<IResult> Indicators(Guid applicationId, ClaimsPrincipal user, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null || !Access.MaySee(user, platform))
        {
            return Access.NotFound("platform");
        }

        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.ConstructionYear)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(reports.Where(r => r.Indicators is not null && r.Status is AnnualReportStatus.Submitted or AnnualReportStatus.Evaluated)
            .Select(r => YearView(r, r.Indicators!)).ToList());
    }

    /// <summary>The most platform-years <c>lowest</c> may ask for.</summary>
    public const int MaxLowest = 500;

    /// <summary>The <paramref name="count"/> reported years with the lowest stored average attainment, lowest first.</summary>
    internal static IQueryable<AnnualReport> Lowest(IQueryable<AnnualReport> reports, int count) =>
        reports.Where(r => (r.Status == AnnualReportStatus.Submitted || r.Status == AnnualReportStatus.Evaluated) && r.AverageTargetAttainmentBasisPoints != null)
            .OrderBy(r => r.AverageTargetAttainmentBasisPoints).ThenBy(r => r.ApplicationId).ThenBy(r => r.ConstructionYear).Take(count);

    /// <summary>
    /// Every report of a construction year (all years when none is given) with its checks and target attainment; with
    /// <c>lowest=N</c>, only the N reported years furthest behind their targets, lowest average first — what a dashboard
    /// can show at the programme's size (one report per platform a year), where every row would be a bar each.
    /// </summary>
    private static async Task<IResult> Attainment(int? year, int? lowest, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        if (lowest is < 1 or > MaxLowest)
        {
            throw new RuleViolationException("lowest", "paging", $"lowest must be between 1 and {MaxLowest}.", $"lowest 须在 1 至 {MaxLowest} 之间。");
        }

        var query = db.AnnualReports.AsNoTracking().Where(r => year == null || r.ConstructionYear == year);
        if (lowest is { } count)
        {
            // Ranked by the database on the stored average (AttainmentBackfill fills it for reports saved before it was
            // kept): only the listed reports' documents are read.
            query = Lowest(query, count);
        }

        var reports = await query.ToListAsync(cancellationToken);

        // Only the listed platforms' names: the whole table would be read for a few rows otherwise.
        var ids = reports.Select(r => r.ApplicationId).Distinct().ToList();
        var names = await db.Platforms.AsNoTracking().Where(p => ids.Contains(p.ApplicationId)).ToDictionaryAsync(p => p.ApplicationId, cancellationToken);
        var rows = reports.Select(r =>
        {
            var platform = names.GetValueOrDefault(r.ApplicationId);
            var targets = r.Indicators?.Targets ?? [];
            var average = r.Indicators?.AverageTargetAttainmentBasisPoints;
            return new AttainmentView(r.ApplicationId, platform?.PlatformName ?? "", platform?.UnitName ?? "", r.ConstructionYear, r.Status, r.Grade,
                r.Checks.Count(c => c.Holds), r.Checks.Count, average,
                [.. targets.Select(t => new Reports.TargetView(t.Name, t.Target, t.Achieved, t.AttainmentBasisPoints))]);
        });
        return TypedResults.Ok(lowest is null ? rows.OrderBy(r => r.PlatformName).ThenBy(r => r.ConstructionYear).ToList() : rows.ToList());
    }

    private static IndicatorYearView YearView(AnnualReport r, AnnualIndicators i) => new(r.ConstructionYear, r.PeriodStart, r.PeriodEnd, r.Status,
        i.RdIntensityBasisPoints, i.RdExpenditure, i.Revenue, i.SmesDriven, i.DrivenSmeRevenue, i.EnterprisesServed, i.InventionPatentsFiled,
        i.InventionPatentsGranted, i.StandardsCreated, i.MajorBreakthroughs, i.OutputValue, i.TotalInvestment, i.SelfRaisedInvestment, r.Grade);
}
