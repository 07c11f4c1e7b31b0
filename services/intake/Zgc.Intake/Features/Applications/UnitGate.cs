using System.Security.Claims;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Units;
using Zgc.Intake.Persistence;
using Zgc.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Intake.Features.Applications;

/// <summary>The checks every applicant action starts with: a unit on the token, registered, and not debarred (R-A15-DEBARRED).</summary>
internal static class UnitGate
{
    // The registered unit and its debarment, if any, in one round trip: every applicant write starts here, and two
    // lookups were two of the ~15 statements a submission sends (docs/performance.md, fix 14). Compiled: it runs on every
    // applicant write (fix 16).
    private static readonly ModelCompiledQuery<IntakeDbContext, string, Registration?> UnitAndDebarment = new((db, uscc, _) => (
            from unit in db.Units
            where unit.Uscc == uscc
            join debarment in db.Debarments on unit.Uscc equals debarment.UnitUscc into debarments
            from debarment in debarments.DefaultIfEmpty()
            select new Registration(unit, debarment))
        .FirstOrDefault());

    public static async Task<Unit> RegisteredUnit(IntakeDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var uscc = user.UnitCode() ?? throw IntakeProblems.NoUnit();

        var found = await UnitAndDebarment.Run(db, uscc, cancellationToken);
        if (found is null)
        {
            // Not registered: a debarred unit is still told it is debarred, not merely that it has no registration.
            if (await db.Debarments.FindAsync([uscc], cancellationToken) is { } unregisteredDebarment)
            {
                throw IntakeProblems.Debarred(unregisteredDebarment);
            }

            throw IntakeProblems.UnitNotRegistered(uscc);
        }

        return found.Debarment is { } debarred ? throw IntakeProblems.Debarred(debarred) : found.Unit;
    }

    private sealed record Registration(Unit Unit, Debarment? Debarment);
}
