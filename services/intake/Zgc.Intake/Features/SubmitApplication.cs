using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zgc.Intake.Contracts;
using Zgc.Intake.Domain;
using Zgc.Intake.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features;

/// <summary>An applicant submits an application for its own unit (R-A13-APPLY).</summary>
internal static class SubmitApplication
{
    public sealed record Request(string? UnitName, string? PlatformName, string? IndustryField, string? SubPark, long TotalInvestmentFen);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/applications", Handle).RequireRoles(Roles.Applicant).WithName("SubmitApplication");

    private static async Task<Created<ApplicationView>> Handle(Request request, ClaimsPrincipal user, IntakeDbContext db,
        IOutbox<IntakeDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var unit = user.UnitCode() ?? throw new RuleViolationException("unit", "R-A13-APPLY",
            "The signed-in applicant is not linked to a unit.", "当前申请人账号未关联申报单位。");
        var field = IndustryField.Parse(request.IndustryField ?? "");
        var subPark = SubPark.Parse(request.SubPark ?? "");
        var now = clock.GetUtcNow();

        var application = Application.Submit(Guid.CreateVersion7(), unit, request.UnitName ?? "", request.PlatformName ?? "", field, subPark,
            Money.FromFen(request.TotalInvestmentFen), user.UserId(), now);
        db.Applications.Add(application);
        await outbox.Publish(new ApplicationSubmitted(application.Id, application.UnitUscc, application.UnitName, application.PlatformName,
            field.Code, subPark.Code, application.TotalInvestment.Fen, application.SubmittedBy, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/intake/applications/{application.Id}", ApplicationView.From(application));
    }
}
