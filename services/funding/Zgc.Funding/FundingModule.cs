using Zgc.Audit;
using Zgc.Funding.Features;
using Zgc.Funding.Persistence;
using Zgc.Messaging;
using Zgc.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Funding;

/// <summary>The one list of everything the funding service registers and maps.</summary>
public static class FundingModule
{
    public const string Name = "funding";

    public static IHostApplicationBuilder AddFunding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FundingOptions>().BindConfiguration(FundingOptions.Section)
            .Validate(o => o.GatherBatchSize is > 0 and <= 10_000, "Funding:GatherBatchSize is between 1 and 10000.")
            .Validate(o => o.BatchChunkSize is > 0 and <= Features.DisbursementRunBatches.MaxEntries, "Funding:BatchChunkSize is between 1 and 1000.")
            .ValidateOnStart();
        builder.AddServiceDatabase<FundingDbContext, SqliteFundingDbContext, PostgresFundingDbContext, SqlServerFundingDbContext>("Funding");
        builder.AddAudit(Name);
        builder.AddServiceMessaging<FundingDbContext>(Name, m => m
            .AddConsumer<PrepareAgreementConsumer>()
            .AddConsumer<AnnualEvaluationCompletedConsumer>()
            .AddConsumer<FraudConfirmedConsumer>());
        builder.Services.AddSingleton<RunGatheringQueue>();
        builder.Services.AddSingleton<RunGatherer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RunGatherer>());
        builder.AddFundingGauges();
        return builder;
    }

    public static IEndpointRouteBuilder MapFunding(this IEndpointRouteBuilder app)
    {
        var funding = app.MapGroup("/" + Name).WithTags("Funding").RequireAuthorization();
        Budgets.Map(funding);
        Agreements.Map(funding);
        DisbursementRuns.Map(funding);
        DisbursementRunBatches.Map(funding);
        Ledger.Map(funding);
        Clawbacks.Map(funding);
        Reports.Map(funding);
        Features.Forecast.ForecastEndpoints.Map(funding);
        funding.MapMessagingOperations<FundingDbContext>(Name).RequireOperators();
        app.MapAudit(Name);
        return app;
    }
}
