using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Contracts;
using Zgc.Review.Domain;
using Zgc.Review.Persistence;

namespace Zgc.Review.Features;

/// <summary>The workflows service hands a recommended application to review. Opening twice is harmless.</summary>
internal sealed class OpenReviewCaseConsumer(ReviewDbContext db, TimeProvider clock) : IConsumer<OpenReviewCase>
{
    public async Task Consume(ConsumeContext<OpenReviewCase> context)
    {
        var m = context.Message;
        if (await db.Cases.AnyAsync(c => c.ApplicationId == m.ApplicationId, context.CancellationToken))
        {
            return;
        }

        db.Cases.Add(ReviewCase.Open(m.ApplicationId, m.UnitUscc, m.UnitName, m.PlatformName, m.IndustryField, m.SubPark, clock.GetUtcNow(),
            m.SubArea, m.IntegratedEnterpriseUsccs, m.SubParkRanking, m.TotalInvestmentFen, m.SupportBaseFen));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
