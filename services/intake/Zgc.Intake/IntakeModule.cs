using Zgc.Audit;
using Zgc.Intake.Features;
using Zgc.Intake.Features.Applications;
using Zgc.Intake.Features.Attachments;
using Zgc.Intake.Features.Debarments;
using Zgc.Intake.Features.Units;
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
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section)
            .Validate(o => o.MaxAttachmentBytes > 0 && o.MaxApplicationAttachmentBytes >= o.MaxAttachmentBytes,
                "Intake:MaxAttachmentBytes must be positive and at most Intake:MaxApplicationAttachmentBytes.")
            .Validate(o => o.IdempotencyRetention >= TimeSpan.FromMinutes(1) && o.IdempotencyCleanupInterval >= TimeSpan.FromSeconds(1),
                "Intake:IdempotencyRetention is at least a minute and Intake:IdempotencyCleanupInterval at least a second.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IdempotencyCleanup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
        builder.Services.AddSingleton<IAttachmentStore, LocalFolderAttachmentStore>();
        builder.AddServiceDatabase<IntakeDbContext, SqliteIntakeDbContext, PostgresIntakeDbContext, SqlServerIntakeDbContext>("Intake");
        builder.AddAudit(Name);
        builder.AddServiceMessaging<IntakeDbContext>(Name, m => m.AddConsumer<UnitDebarredConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        var intake = app.MapGroup("/" + Name).WithTags("Intake").RequireAuthorization().WithIntakeProblems();
        UnitEndpoints.Map(intake);
        CreateApplication.Map(intake);
        UpdateApplication.Map(intake);
        SubmitApplication.Map(intake);
        SubParkActions.Map(intake);
        GetApplication.Map(intake);
        ListApplications.Map(intake);
        ApplicationVersions.Map(intake);
        AttachmentEndpoints.Map(intake);
        DebarmentEndpoints.Map(intake);
        intake.MapMessagingOperations<IntakeDbContext>(Name).RequireOperators();
        app.MapAudit(Name);
        return app;
    }
}
