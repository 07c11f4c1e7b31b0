using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Contracts;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Eligibility;
using Zgc.Intake.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features.Applications;

/// <summary>
/// The applicant submits the working copy as the next version, with the truthfulness commitment (R-A15-TRUTH). The
/// version is screened against every Art. 7 rule: eligible → Submitted, to the sub-park, and ApplicationSubmitted is
/// published; ineligible → stored with its reasons, back to the applicant. Honours Idempotency-Key.
/// </summary>
internal static class SubmitApplication
{
    /// <param name="CommitmentVersion">The version of the commitment text the applicant agreed to (GET /intake/commitment).</param>
    /// <param name="CommitmentAccepted">True: the applicant makes the commitment.</param>
    public sealed record Request(string? CommitmentVersion, bool CommitmentAccepted);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/applications/{id:guid}/submit", Handle).RequireRoles(Roles.Applicant).WithName("SubmitApplication")
            .Produces<ApplicationView>().ProducesValidationProblem();
        group.MapGet("/commitment", () => TypedResults.Ok(new
        {
            version = TruthfulnessCommitment.CurrentVersion,
            textZh = TruthfulnessCommitment.TextZh,
            textEn = TruthfulnessCommitment.TextEn,
        })).WithName("GetCommitment");
    }

    private static async Task<IResult> Handle(Guid id, Request? request, HttpContext http, ClaimsPrincipal user, IntakeDbContext db,
        IOutbox<IntakeDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var operation = $"submit:{id}";
        if (await Idempotency.Replay(http, db, operation, request, cancellationToken) is { } replay)
        {
            return replay;
        }

        var application = await ApplicationLoader.Visible(db, id, user, cancellationToken);
        if (application is null || !ApplicationAccess.IsOwnUnit(user, application))
        {
            return TypedResults.NotFound();
        }

        var unit = await UnitGate.RegisteredUnit(db, user, cancellationToken);
        if (request is not { CommitmentAccepted: true } || request.CommitmentVersion != TruthfulnessCommitment.CurrentVersion)
        {
            throw new RuleViolationException("commitmentAccepted", TruthfulnessCommitment.Rule,
                $"Submitting needs the truthfulness commitment: commitmentAccepted true and commitmentVersion '{TruthfulnessCommitment.CurrentVersion}'.",
                $"提交申请须作出真实性承诺：commitmentAccepted 为 true，commitmentVersion 为“{TruthfulnessCommitment.CurrentVersion}”。");
        }

        FieldErrorsException.ThrowIfAny([.. ContentRules.Validate(application.Draft), .. ContentRules.Completeness(application.Draft)]);

        var now = clock.GetUtcNow();
        var screening = EligibilityScreening.Evaluate(application.Draft, unit.Profile, BeijingTime.DateOf(now));
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.UploadedAt)
            .ToListAsync(cancellationToken);
        var version = application.Submit(unit.Name, unit.Profile, screening, [.. attachments.Select(a => a.ToRef())],
            request.CommitmentVersion, user.UserId(), now);
        db.ApplicationVersions.Add(version);
        if (version.Eligible)
        {
            await outbox.Publish(new ApplicationSubmitted(application.Id, application.UnitUscc, application.UnitName, application.PlatformName,
                application.IndustryField!.Code, application.SubPark!.Code, version.TotalInvestment.Fen, version.SubmittedBy, now, version.Number,
                application.SubArea, unit.LeadUnitType, version.SupportBase.Fen, ContentRules.EnterpriseUsccs(version.Content)), cancellationToken);
        }

        var view = ApplicationView.From(application, version, user);
        Idempotency.Remember(http, db, operation, request, StatusCodes.Status200OK, view, null, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(view);
    }
}
