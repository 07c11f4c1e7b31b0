using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

/// <summary>
/// R-A13-AGREEMENT: once a platform is included, funding drafts its agreement (one per application; a repeated command
/// changes nothing). The committee then completes the terms and both parties sign.
/// </summary>
internal sealed class PrepareAgreementConsumer(FundingDbContext db, TimeProvider clock) : IConsumer<PrepareAgreement>
{
    public async Task Consume(ConsumeContext<PrepareAgreement> context)
    {
        var m = context.Message;
        if (await db.Agreements.AnyAsync(a => a.ApplicationId == m.ApplicationId, context.CancellationToken))
        {
            return;
        }

        db.Agreements.Add(Agreement.Draft(Guid.CreateVersion7(), m.ApplicationId, m.PlatformName, m.UnitUscc, m.UnitName, m.IndustryField, m.SubPark,
            m.EspeciallyMajor, m.MajorDecisionReference, Money.FromFen(m.TotalInvestmentFen), Money.FromFen(m.SupportBaseFen), m.IncludedAt,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
