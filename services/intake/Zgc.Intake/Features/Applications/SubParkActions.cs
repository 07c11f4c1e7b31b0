using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zgc.Intake.Contracts;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Content;
using Zgc.Intake.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features.Applications;

/// <summary>
/// The sub-park's work on an application filed with it (Art. 13 (一), R-A13-SUBPARK): accept (受理) → preliminary review
/// (初审) → recommend with a ranking and comment; or return for correction, or reject, with reasons. Only officers of
/// the application's own sub-park; an officer of another sub-park is told it does not exist (404).
/// </summary>
internal static class SubParkActions
{
    public sealed record ReviewRequest(string? Opinion);

    public sealed record RecommendRequest(int? Ranking, string? Comment, string? Opinion);

    public sealed record ReasonsRequest(string? Reasons);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/applications/{id:guid}/accept", Accept).RequireRoles(Roles.SubParkOfficer).WithName("AcceptApplication");
        group.MapPost("/applications/{id:guid}/preliminary-review", Review).RequireRoles(Roles.SubParkOfficer).WithName("PreliminaryReview");
        group.MapPost("/applications/{id:guid}/recommend", Recommend).RequireRoles(Roles.SubParkOfficer).WithName("RecommendApplication");
        group.MapPost("/applications/{id:guid}/return", Return).RequireRoles(Roles.SubParkOfficer).WithName("ReturnApplication");
        group.MapPost("/applications/{id:guid}/reject", Reject).RequireRoles(Roles.SubParkOfficer).WithName("RejectApplication");
    }

    private static Task<Results<Ok<ApplicationView>, NotFound>> Accept(Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, user, db, (application, subPark, _) =>
        {
            application.Accept(subPark, user.UserId(), clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    private static Task<Results<Ok<ApplicationView>, NotFound>> Review(Guid id, ReviewRequest? request, ClaimsPrincipal user, IntakeDbContext db,
        TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, user, db, (application, subPark, _) =>
        {
            application.RecordPreliminaryReview(subPark, user.UserId(), request?.Opinion, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    private static Task<Results<Ok<ApplicationView>, NotFound>> Recommend(Guid id, RecommendRequest? request, ClaimsPrincipal user, IntakeDbContext db,
        IOutbox<IntakeDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, user, db, async (application, subPark, version) =>
        {
            var now = clock.GetUtcNow();
            // "opinion" is the field's older name; "comment" wins when both are sent.
            application.Recommend(subPark, user.UserId(), request?.Ranking, request?.Comment ?? request?.Opinion, now);
            await outbox.Publish(new ApplicationRecommended(application.Id, subPark.Code, user.UserId(), application.RecommendationOpinion, now,
                application.Ranking, version.Number, application.UnitUscc, version.Content.IndustryField, version.Content.SubArea,
                version.TotalInvestment.Fen, version.SupportBase.Fen, ContentRules.EnterpriseUsccs(version.Content)), cancellationToken);
        }, cancellationToken);

    private static Task<Results<Ok<ApplicationView>, NotFound>> Return(Guid id, ReasonsRequest? request, ClaimsPrincipal user, IntakeDbContext db,
        IOutbox<IntakeDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, user, db, async (application, subPark, version) =>
        {
            var now = clock.GetUtcNow();
            application.Return(subPark, user.UserId(), request?.Reasons, now);
            await outbox.Publish(new ApplicationReturned(application.Id, subPark.Code, version.Number, application.DecisionReasons!, user.UserId(), now),
                cancellationToken);
        }, cancellationToken);

    private static Task<Results<Ok<ApplicationView>, NotFound>> Reject(Guid id, ReasonsRequest? request, ClaimsPrincipal user, IntakeDbContext db,
        IOutbox<IntakeDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, user, db, async (application, subPark, version) =>
        {
            var now = clock.GetUtcNow();
            application.Reject(subPark, user.UserId(), request?.Reasons, now);
            await outbox.Publish(new ApplicationRejected(application.Id, subPark.Code, version.Number, application.DecisionReasons!, user.UserId(), now),
                cancellationToken);
        }, cancellationToken);

    private static async Task<Results<Ok<ApplicationView>, NotFound>> Act(Guid id, ClaimsPrincipal user, IntakeDbContext db,
        Func<Application, SubPark, ApplicationVersion, Task> action, CancellationToken cancellationToken)
    {
        var application = await ApplicationLoader.Visible(db, id, user, cancellationToken);
        if (application is null || !SubPark.TryParse(user.SubParkCode(), out var officerSubPark) || officerSubPark != application.SubPark)
        {
            return TypedResults.NotFound();
        }

        var version = await ApplicationLoader.Version(db, id, application.CurrentVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Application {id} has no version {application.CurrentVersion}.");
        await action(application, officerSubPark, version);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApplicationView.From(application, version, user));
    }
}
