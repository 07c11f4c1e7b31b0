using MassTransit;
using Zgc.Intake.Domain;
using Zgc.Intake.Persistence;
using Zgc.Monitoring.Contracts;

namespace Zgc.Intake.Features.Debarments;

/// <summary>
/// Monitoring found fraud and debarred a unit (R-A15-FRAUD → R-A15-DEBARRED): intake adds it to its own list and
/// refuses the unit's applications from now on. A unit already on the list stays as first recorded.
/// </summary>
internal sealed class UnitDebarredConsumer(IntakeDbContext db, TimeProvider clock) : IConsumer<UnitDebarred>
{
    public async Task Consume(ConsumeContext<UnitDebarred> context)
    {
        var m = context.Message;
        var uscc = m.UnitUscc.Trim().ToUpperInvariant();
        if (await db.Debarments.FindAsync([uscc], context.CancellationToken) is not null)
        {
            return;
        }

        db.Debarments.Add(Debarment.Create(uscc, m.UnitName, m.Reason, m.DecisionReference, m.DecidedBy, m.DebarredAt, "monitoring", m.ApplicationId,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
