using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Management;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features.Management;

public sealed record MajorMatterView(Guid Id, Guid ApplicationId, MajorMatterKind Kind, string Title, string Details, DateOnly OccurredOn,
    string? NewPrincipal, string? Attachments, MajorMatterStatus Status, string ReportedBy, DateTimeOffset ReportedAt, string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt, string? Comment)
{
    public static MajorMatterView From(MajorMatter m) => new(m.Id, m.ApplicationId, m.Kind, m.Title, m.Details, m.OccurredOn, m.NewPrincipal,
        m.Attachments, m.Status, m.ReportedBy, m.ReportedAt, m.AcknowledgedBy, m.AcknowledgedAt, m.Comment);
}

/// <summary>Major matters (R-A14-MAJOR): reported by the platform's unit, acknowledged by a monitoring officer.</summary>
internal static class MajorMatterEndpoints
{
    public sealed record ReportRequest(MajorMatterKind? Kind, string? Title, string? Details, DateOnly? OccurredOn, string? NewPrincipal, string? Attachments);

    public sealed record AcknowledgeRequest(string? Comment);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/platforms/{applicationId:guid}/major-matters", List).RequireRoles([.. Roles.Operators, Roles.Applicant]).WithName("ListMajorMatters");
        group.MapPost("/platforms/{applicationId:guid}/major-matters", Report).RequireRoles(Roles.Applicant).WithName("ReportMajorMatter");
        group.MapPost("/major-matters/{id:guid}/acknowledge", Acknowledge).RequireRoles(Roles.MonitoringOfficer).WithName("AcknowledgeMajorMatter");
    }

    private static async Task<IResult> List(Guid applicationId, ClaimsPrincipal user, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null || !Access.MaySee(user, platform))
        {
            return Access.NotFound("platform");
        }

        var matters = await db.MajorMatters.AsNoTracking().Where(m => m.ApplicationId == applicationId).OrderBy(m => m.ReportedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(matters.Select(MajorMatterView.From).ToList());
    }

    private static async Task<IResult> Report(Guid applicationId, ReportRequest request, ClaimsPrincipal user, MonitoringDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null || !Access.MaySee(user, platform))
        {
            return Access.NotFound("platform");
        }

        platform.EnsureActive();
        var kind = request.Kind ?? throw new RuleViolationException("kind", MajorMatter.Rule,
            "Give the kind: RdBreakthrough, TechnologyTransfer, Commercialisation, ChangeOfPrincipal or Other.", "请选择事项类别。");
        var occurredOn = request.OccurredOn ?? throw new RuleViolationException("occurredOn", MajorMatter.Rule, "Give the date of the matter.", "请填写事项发生日期。");
        var now = clock.GetUtcNow();
        var matter = MajorMatter.Report(applicationId, kind, request.Title, request.Details, occurredOn, request.NewPrincipal, request.Attachments,
            user.UserId(), now);
        db.MajorMatters.Add(matter);
        db.History.Add(PlatformEvent.Of(applicationId, PlatformEventKind.MajorMatterReported, $"{kind}: {matter.Title}", user.UserId(), now, matter.Id));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/monitoring/platforms/{applicationId}/major-matters", MajorMatterView.From(matter));
    }

    private static async Task<IResult> Acknowledge(Guid id, AcknowledgeRequest request, ClaimsPrincipal user, MonitoringDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var matter = await db.MajorMatters.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null)
        {
            return Access.NotFound("major matter");
        }

        var now = clock.GetUtcNow();
        matter.Acknowledge(request.Comment, user.UserId(), now);
        db.History.Add(PlatformEvent.Of(matter.ApplicationId, PlatformEventKind.MajorMatterAcknowledged, $"{matter.Kind}: {matter.Title}", user.UserId(), now,
            matter.Id));
        if (matter.Kind == MajorMatterKind.ChangeOfPrincipal)
        {
            var platform = await db.Platforms.SingleAsync(p => p.ApplicationId == matter.ApplicationId, cancellationToken);
            platform.ChangePrincipal(matter.NewPrincipal!);
            db.History.Add(PlatformEvent.Of(matter.ApplicationId, PlatformEventKind.PrincipalChanged, $"Principal changed to {matter.NewPrincipal}.",
                user.UserId(), now, matter.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MajorMatterView.From(matter));
    }
}
