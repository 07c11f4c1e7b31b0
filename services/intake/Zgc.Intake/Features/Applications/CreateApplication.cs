using System.Security.Claims;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Content;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Intake.Features.Applications;

/// <summary>An applicant starts an application for its own unit as a draft (R-A13-APPLY). Honours Idempotency-Key.</summary>
internal static class CreateApplication
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/applications", Handle).RequireRoles(Roles.Applicant).WithName("CreateApplication")
            .Produces<ApplicationView>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> Handle(ApplicationContent request, HttpContext http, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        const string operation = "create";
        if (await Idempotency.Replay(http, db, operation, request, cancellationToken) is { } replay)
        {
            return replay;
        }

        var unit = await UnitGate.RegisteredUnit(db, user, cancellationToken);
        FieldErrorsException.ThrowIfAny(ContentRules.Validate(request));

        var now = clock.GetUtcNow();
        var application = Application.Create(Guid.CreateVersion7(), unit.Uscc, unit.Name, request, user.UserId(), now);
        db.Applications.Add(application);
        var view = ApplicationView.From(application, null, user);
        var location = $"/intake/applications/{application.Id}";
        Idempotency.Remember(http, db, operation, request, StatusCodes.Status201Created, view, location, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(location, view);
    }
}
