using System.Security.Claims;
using Zgc.Intake.Domain.Units;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Intake.Features.Applications;

/// <summary>The checks every applicant action starts with: a unit on the token, registered, and not debarred (R-A15-DEBARRED).</summary>
internal static class UnitGate
{
    public static async Task<Unit> RegisteredUnit(IntakeDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var uscc = user.UnitCode() ?? throw IntakeProblems.NoUnit();
        if (await db.Debarments.FindAsync([uscc], cancellationToken) is { } debarment)
        {
            throw IntakeProblems.Debarred(debarment);
        }

        return await db.Units.FindAsync([uscc], cancellationToken) ?? throw IntakeProblems.UnitNotRegistered(uscc);
    }
}
