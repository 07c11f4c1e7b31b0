using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Units;
using Zgc.Intake.Features.Applications;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Intake.Features.Units;

/// <summary>
/// Applicant units (牵头建设单位). An applicant registers and keeps up to date its own unit, identified by the USCC on
/// its token (validated per GB 32100-2015); a unit's users see only their own unit. Committee staff see all units,
/// sub-park officers the units that have submitted to their sub-park.
/// </summary>
internal static class UnitEndpoints
{
    public sealed record UnitView(string Uscc, string Name, string? LeadUnitType, UnitProfile Profile, string RegisteredBy, DateTimeOffset RegisteredAt,
        DateTimeOffset UpdatedAt)
    {
        public static UnitView From(Unit u) => new(u.Uscc, u.Name, u.LeadUnitType, u.Profile, u.RegisteredBy, u.RegisteredAt, u.UpdatedAt);
    }

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPut("/units/mine", Register).RequireRoles(Roles.Applicant).WithName("RegisterUnit").ProducesValidationProblem();
        group.MapGet("/units/mine", Mine).RequireRoles(Roles.Applicant).WithName("GetMyUnit");
        group.MapGet("/units/{uscc}", Get).WithName("GetUnit");
        group.MapGet("/units", List).RequireOperators().WithName("ListUnits");
    }

    private static async Task<Results<Ok<UnitView>, Created<UnitView>>> Register(UnitProfile request, ClaimsPrincipal user, IntakeDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var uscc = Uscc.Normalize(user.UnitCode() ?? throw IntakeProblems.NoUnit(), "unit");
        FieldErrorsException.ThrowIfAny(UnitRules.Validate(request));
        var now = clock.GetUtcNow();
        var unit = await db.Units.FindAsync([uscc], cancellationToken);
        if (unit is null)
        {
            unit = Unit.Register(uscc, request, user.UserId(), now);
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created("/intake/units/mine", UnitView.From(unit));
        }

        unit.Update(request, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UnitView.From(unit));
    }

    private static async Task<Results<Ok<UnitView>, NotFound>> Mine(ClaimsPrincipal user, IntakeDbContext db, CancellationToken cancellationToken) =>
        user.UnitCode() is { } uscc && await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Uscc == uscc, cancellationToken) is { } unit
            ? TypedResults.Ok(UnitView.From(unit))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<UnitView>, NotFound>> Get(string uscc, ClaimsPrincipal user, IntakeDbContext db, CancellationToken cancellationToken)
    {
        var code = uscc.Trim().ToUpperInvariant();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Uscc == code, cancellationToken);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        var entitled = (user.IsInRole(Roles.Applicant) && user.UnitCode() == code)
            || ApplicationAccess.IsCommitteeLevel(user)
            || (user.IsInRole(Roles.SubParkOfficer)
                && await db.Applications.Visible(user).AnyAsync(a => a.UnitUscc == code, cancellationToken));
        return entitled ? TypedResults.Ok(UnitView.From(unit)) : TypedResults.NotFound();
    }

    private static async Task<Ok<List<UnitView>>> List(IntakeDbContext db, CancellationToken cancellationToken, string? q = null)
    {
        var query = db.Units.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var code = term.ToUpperInvariant();
            query = query.Where(u => u.Name.Contains(term) || u.Uscc.Contains(code));
        }

        var units = await query.OrderBy(u => u.Name).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(units.Select(UnitView.From).ToList());
    }
}
