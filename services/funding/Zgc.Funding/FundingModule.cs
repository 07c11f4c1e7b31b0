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
        builder.AddServiceDatabase<FundingDbContext, SqliteFundingDbContext, PostgresFundingDbContext, SqlServerFundingDbContext>("Funding");
        builder.AddServiceMessaging<FundingDbContext>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapFunding(this IEndpointRouteBuilder app)
    {
        var funding = app.MapGroup("/" + Name).WithTags("Funding").RequireAuthorization();
        Budgets.Map(funding);
        funding.MapMessagingOperations<FundingDbContext>(Name).RequireOperators();
        return app;
    }
}
