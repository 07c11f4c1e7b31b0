using Zgc.Intake.Features;
using Zgc.Intake.Persistence;
using Zgc.Messaging;
using Zgc.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Intake;

/// <summary>The one list of everything the intake service registers and maps.</summary>
public static class IntakeModule
{
    public const string Name = "intake";

    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext, SqliteIntakeDbContext, PostgresIntakeDbContext, SqlServerIntakeDbContext>("Intake");
        builder.AddServiceMessaging<IntakeDbContext>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        var intake = app.MapGroup("/" + Name).WithTags("Intake").RequireAuthorization();
        SubmitApplication.Map(intake);
        GetApplication.Map(intake);
        ListApplications.Map(intake);
        RecommendApplication.Map(intake);
        intake.MapMessagingOperations<IntakeDbContext>(Name).RequireOperators();
        return app;
    }
}
