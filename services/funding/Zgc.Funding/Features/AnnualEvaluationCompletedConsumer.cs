using MassTransit;
using Microsoft.Extensions.Options;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.Monitoring.Contracts;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

/// <summary>
/// R-A10-Y23: the evaluation of construction year N (1 or 2 under the 2019 measures) decides year N+1. Passed: the year opens with its cap
/// min(30 % of the accepted self-raised eligible investment, ceiling), awaiting the committee's award. Not passed: the
/// year is recorded as not eligible. A repeated message changes nothing (one funding year per agreement and year).
/// </summary>
internal sealed class AnnualEvaluationCompletedConsumer(FundingDbContext db, IOptions<FundingOptions> options, TimeProvider clock)
    : IConsumer<AnnualEvaluationCompleted>
{
    public async Task Consume(ConsumeContext<AnnualEvaluationCompleted> context)
    {
        var m = context.Message;
        var agreement = await db.AgreementOfApplication(m.ApplicationId, context.CancellationToken);
        if (agreement is null || agreement.Status != AgreementStatus.InForce)
        {
            return;
        }

        if (m.ConstructionYear < 1 || m.ConstructionYear >= agreement.ConstructionYears)
        {
            return; // the last year's evaluation closes the construction period: no further support year follows
        }

        var next = m.ConstructionYear + 1;
        if (await db.HasFundingYear(agreement.Id, next, context.CancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var year = FundingYear.AfterEvaluation(agreement, m.ConstructionYear, m.Passed, Money.FromFen(m.AcceptedSelfRaisedEligibleInvestmentFen), now);
        db.FundingYears.Add(year);
        if (year.Status == FundingYearStatus.AwaitingAward && options.Value.LaterYearAwardAtCap)
        {
            year.DecideAward(year.Cap, "system", now);
            await LedgerPostings.Award(db, agreement, year, "system", now, context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
