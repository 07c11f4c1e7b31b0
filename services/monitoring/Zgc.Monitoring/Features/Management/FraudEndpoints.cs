using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Management;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features.Management;

public sealed record FraudCaseView(Guid Id, Guid ApplicationId, string UnitUscc, string UnitName, FraudCaseSource Source, string? SourceReference,
    string Allegation, FraudCaseStatus Status, string OpenedBy, DateTimeOffset OpenedAt, string? Evidence, string? Finding, string? DecisionReference,
    string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static FraudCaseView From(FraudCase c) => new(c.Id, c.ApplicationId, c.UnitUscc, c.UnitName, c.Source, c.SourceReference, c.Allegation, c.Status,
        c.OpenedBy, c.OpenedAt, c.Evidence, c.Finding, c.DecisionReference, c.DecidedBy, c.DecidedAt);
}

/// <summary>
/// Fraud cases (R-A15-FRAUD): opened → investigating → confirmed (with evidence) or dismissed. Confirmation revokes the
/// platform here and publishes <see cref="FraudConfirmed"/> and <see cref="UnitDebarred"/> in the same transaction,
/// through the outbox: funding claws back, intake debars the unit (R-A15-DEBARRED), workflows revokes the lifecycle.
/// </summary>
internal static class FraudEndpoints
{
    /// <summary>
    /// Opens a case about <c>ApplicationId</c> from a <c>Source</c> (Objection, Audit, Report) with its reference and the
    /// allegation; <c>UnitUscc</c> and <c>UnitName</c> are needed only when the platform is not yet under monitoring (e.g. a
    /// case from a notice objection).
    /// </summary>
    public sealed record OpenRequest(Guid ApplicationId, FraudCaseSource? Source, string? SourceReference, string? Allegation, string? UnitUscc,
        string? UnitName);

    public sealed record ConfirmRequest(string? Evidence, string? Finding, string? DecisionReference);

    public sealed record DismissRequest(string? Finding);

    private static readonly string[] Investigators = [Roles.MonitoringOfficer, Roles.CommitteeOfficer];

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/fraud-cases", List).RequireRoles(Investigators).WithName("ListFraudCases");
        group.MapGet("/fraud-cases/{id:guid}", Get).RequireRoles(Investigators).WithName("GetFraudCase");
        group.MapPost("/fraud-cases", Open).RequireRoles(Investigators).WithName("OpenFraudCase");
        group.MapPost("/fraud-cases/{id:guid}/investigate", Investigate).RequireRoles(Investigators).WithName("InvestigateFraudCase");
        group.MapPost("/fraud-cases/{id:guid}/confirm", Confirm).RequireRoles(Investigators).WithName("ConfirmFraudCase");
        group.MapPost("/fraud-cases/{id:guid}/dismiss", Dismiss).RequireRoles(Investigators).WithName("DismissFraudCase");
    }

    private static async Task<IResult> List(Guid? applicationId, FraudCaseStatus? status, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var query = db.FraudCases.AsNoTracking();
        if (applicationId is { } a)
        {
            query = query.Where(c => c.ApplicationId == a);
        }

        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var cases = await query.OrderBy(c => c.OpenedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(cases.Select(FraudCaseView.From).ToList());
    }

    private static async Task<IResult> Get(Guid id, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var fraud = await db.FraudCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return fraud is null ? Access.NotFound("fraud case") : TypedResults.Ok(FraudCaseView.From(fraud));
    }

    private static async Task<IResult> Open(OpenRequest request, ClaimsPrincipal user, MonitoringDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.ApplicationId == Guid.Empty)
        {
            throw new RuleViolationException("applicationId", FraudCase.Rule, "Name the application the case is about.", "请指明涉及的申报项目。");
        }

        // Enum.IsDefined: the JSON converter also takes a number, which may name no source at all.
        var source = request.Source is { } given && Enum.IsDefined(given) ? given : throw new RuleViolationException("source", FraudCase.Rule,
            "Say where the case comes from: Objection, Audit or Report.", "请说明线索来源：异议、审计或举报。");
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == request.ApplicationId, cancellationToken);
        var now = clock.GetUtcNow();
        var fraud = FraudCase.Open(request.ApplicationId, platform?.UnitUscc ?? request.UnitUscc, platform?.UnitName ?? request.UnitName, source,
            request.SourceReference, request.Allegation, user.UserId(), now);
        db.FraudCases.Add(fraud);
        if (platform is not null)
        {
            db.History.Add(PlatformEvent.Of(platform.ApplicationId, PlatformEventKind.FraudCaseOpened, $"Fraud case opened from {source}.", user.UserId(), now,
                fraud.Id, fraud.SourceReference));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/monitoring/fraud-cases/{fraud.Id}", FraudCaseView.From(fraud));
    }

    private static async Task<IResult> Investigate(Guid id, ClaimsPrincipal user, MonitoringDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var fraud = await db.FraudCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (fraud is null)
        {
            return Access.NotFound("fraud case");
        }

        fraud.Investigate(user.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FraudCaseView.From(fraud));
    }

    private static async Task<IResult> Confirm(Guid id, ConfirmRequest request, ClaimsPrincipal user, MonitoringDbContext db,
        IOutbox<MonitoringDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var fraud = await db.FraudCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (fraud is null)
        {
            return Access.NotFound("fraud case");
        }

        var now = clock.GetUtcNow();
        var by = user.UserId();
        fraud.Confirm(request.Evidence, request.Finding, request.DecisionReference, by, now);
        var platform = await db.Platforms.SingleOrDefaultAsync(p => p.ApplicationId == fraud.ApplicationId, cancellationToken);
        if (platform is not null && platform.Revoke(now))
        {
            db.History.Add(PlatformEvent.Of(platform.ApplicationId, PlatformEventKind.FraudConfirmed, fraud.Finding!, by, now, fraud.Id, fraud.DecisionReference));
        }

        // Both in this SaveChanges: the revocation, the clawback and the debarment happen together or not at all.
        await outbox.Publish(new FraudConfirmed(fraud.ApplicationId, fraud.UnitUscc, fraud.UnitName, fraud.Finding!, fraud.DecisionReference!, by, now),
            cancellationToken);
        await outbox.Publish(new UnitDebarred(fraud.UnitUscc, fraud.UnitName, fraud.Finding!, fraud.DecisionReference!, by, now, fraud.ApplicationId),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FraudCaseView.From(fraud));
    }

    private static async Task<IResult> Dismiss(Guid id, DismissRequest request, ClaimsPrincipal user, MonitoringDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var fraud = await db.FraudCases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (fraud is null)
        {
            return Access.NotFound("fraud case");
        }

        fraud.Dismiss(request.Finding, user.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FraudCaseView.From(fraud));
    }
}
