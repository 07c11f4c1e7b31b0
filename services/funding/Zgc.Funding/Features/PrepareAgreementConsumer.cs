using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;

namespace Zgc.Funding.Features;

/// <summary>
/// R-A13-AGREEMENT: once a platform is included, funding drafts its agreement (one per application; a repeated command
/// changes nothing). The committee then completes the terms and both parties sign.
/// </summary>
/// <remarks>
/// The agreement copies the figures of the lifecycle's policy version; a command from an older sender without a version
/// takes the version in force on the day of inclusion. An unknown version faults the message (a configuration error that
/// operators see among the incidents), rather than drafting under the wrong figures.
/// </remarks>
internal sealed class PrepareAgreementConsumer(FundingDbContext db, TimeProvider clock, PolicyCatalog policies) : IConsumer<PrepareAgreement>
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
            clock.GetUtcNow(), FundingRules.From(m.PolicyVersion is { } version ? policies.Get(version) : policies.InForceOn(BeijingTime.DateOf(m.IncludedAt)))));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
