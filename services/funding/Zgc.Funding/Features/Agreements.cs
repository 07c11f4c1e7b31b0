using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;

namespace Zgc.Funding.Features;

public sealed record TermsRequest(DateOnly? ConstructionStartsOn, TargetsRequest? Targets, long? Year1AwardFen, string? Note);

public sealed record TargetsRequest(TargetSet? Year1, TargetSet? Year2, TargetSet? Year3, TargetSet? Total);

public sealed record AmendmentRequest(DateOnly? ConstructionStartsOn, TargetsRequest? Targets, string? Reason);

public sealed record SignRequest(string? Party, string? SignerName);

public sealed record AwardRequest(long AmountFen, string? Note);

/// <summary>
/// R-A13-AGREEMENT: committee officers complete the drafted terms (targets, period, year-1 award within its cap), both
/// parties sign (the committee by its officer, the unit by its applicant account), and signed agreements are amended
/// with a reason; every version is kept. Years 2–3 awards (R-A10-Y23) are decided per funding year.
/// </summary>
internal static class Agreements
{
    private static readonly string[] Readers =
        [Roles.CommitteeOfficer, Roles.FinancePreparer, Roles.FinanceApprover, Roles.MonitoringOfficer, Roles.Admin, Roles.Applicant];

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/agreements", List).RequireRoles(Readers).WithName("ListAgreements");
        group.MapGet("/agreements/{id:guid}", Get).RequireRoles(Readers).WithName("GetAgreement");
        group.MapPut("/agreements/{id:guid}/terms", ChangeTerms).RequireRoles(Roles.CommitteeOfficer, Roles.Admin).WithName("ChangeAgreementTerms");
        group.MapPost("/agreements/{id:guid}/amendments", Amend).RequireRoles(Roles.CommitteeOfficer, Roles.Admin).WithName("AmendAgreement");
        group.MapPost("/agreements/{id:guid}/signatures", Sign).RequireRoles(Roles.CommitteeOfficer, Roles.Admin, Roles.Applicant).WithName("SignAgreement");
        group.MapPost("/agreements/{id:guid}/years/{year:int}/award", Award).RequireRoles(Roles.CommitteeOfficer, Roles.Admin).WithName("DecideAward");
        group.MapGet("/caps", PreviewCap).RequireRoles(Readers).WithName("PreviewSupportCap");
    }

    /// <summary>
    /// Newest first, at most 1,000; <c>?applicationId=</c> narrows it to that application's agreement (there is at most one),
    /// so a page that knows the application does not read the whole list to find it, and <c>?status=</c> to one status
    /// (the committee's inbox asks for the drafts, which the newest 1,000 of every agreement need not hold); how many match
    /// in all is in <c>X-Total-Count</c>.
    /// </summary>
    private static async Task<Ok<List<AgreementSummary>>> List(Guid? applicationId, AgreementStatus? status, ClaimsPrincipal user, FundingDbContext db,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var query = db.Agreements.AsNoTracking();
        if (IsOnlyApplicant(user))
        {
            var unit = user.UnitCode() ?? "";
            query = query.Where(a => a.UnitUscc == unit);
        }

        if (applicationId is { } application)
        {
            query = query.Where(a => a.ApplicationId == application);
        }

        if (status is { } only)
        {
            query = query.Where(a => a.Status == only);
        }

        response.Headers["X-Total-Count"] = (await query.CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var agreements = await query.OrderByDescending(a => a.DraftedAt).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(agreements.Select(AgreementSummary.From).ToList());
    }

    private static async Task<Results<Ok<AgreementView>, NotFound>> Get(Guid id, ClaimsPrincipal user, FundingDbContext db, CancellationToken cancellationToken)
    {
        var agreement = await Load(db, id, cancellationToken);
        if (agreement is null || (IsOnlyApplicant(user) && agreement.UnitUscc != user.UnitCode()))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await View(db, agreement, cancellationToken));
    }

    private static async Task<Results<Ok<AgreementView>, NotFound>> ChangeTerms(Guid id, TermsRequest request, ClaimsPrincipal user, FundingDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var agreement = await Load(db, id, cancellationToken);
        if (agreement is null)
        {
            return TypedResults.NotFound();
        }

        var targets = request.Targets is { } t ? AgreementTargets.Of(t.Year1, t.Year2, t.Year3, t.Total) : agreement.Targets;
        var award = request.Year1AwardFen is { } fen ? Money.FromFen(fen) : agreement.Year1Award;
        agreement.ChangeTerms(request.ConstructionStartsOn ?? agreement.ConstructionStartsOn, targets, award, user.UserId(), clock.GetUtcNow(), request.Note);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await View(db, agreement, cancellationToken));
    }

    private static async Task<Results<Ok<AgreementView>, NotFound>> Amend(Guid id, AmendmentRequest request, ClaimsPrincipal user, FundingDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var agreement = await Load(db, id, cancellationToken);
        if (agreement is null)
        {
            return TypedResults.NotFound();
        }

        var targets = request.Targets is { } t ? AgreementTargets.Of(t.Year1, t.Year2, t.Year3, t.Total) : agreement.Targets;
        agreement.Amend(request.ConstructionStartsOn ?? agreement.ConstructionStartsOn, targets, request.Reason ?? "", user.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await View(db, agreement, cancellationToken));
    }

    /// <summary>The committee signs through its officers; the unit through an applicant account of that unit (USCC claim).</summary>
    private static async Task<Results<Ok<AgreementView>, NotFound, ForbidHttpResult>> Sign(Guid id, SignRequest request, ClaimsPrincipal user,
        FundingDbContext db, IOutbox<FundingDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var agreement = await Load(db, id, cancellationToken);
        if (agreement is null)
        {
            return TypedResults.NotFound();
        }

        var party = ParseParty(request.Party, user);
        var allowed = party == AgreementParty.Unit
            ? user.IsInRole(Roles.Applicant) && user.UnitCode() == agreement.UnitUscc
            : user.IsInRole(Roles.CommitteeOfficer) || user.IsInRole(Roles.Admin);
        if (!allowed)
        {
            return TypedResults.Forbid();
        }

        var now = clock.GetUtcNow();
        var signerName = string.IsNullOrWhiteSpace(request.SignerName) ? user.FindFirstValue(ZgcClaims.Name) ?? user.UserId() : request.SignerName.Trim();
        if (signerName.Length > 128)
        {
            throw new RuleViolationException("signerName", "agreement-signature", "The signer's name is at most 128 characters.", "签署人姓名不超过128个字符。");
        }

        if (agreement.Sign(party, user.UserId(), signerName, now))
        {
            var year1 = FundingYear.ForSignedAgreement(agreement, now);
            db.FundingYears.Add(year1);
            await LedgerPostings.Award(db, agreement, year1, "agreement", now, cancellationToken);
            await outbox.Publish(new AgreementSigned(agreement.ApplicationId, agreement.Id, agreement.ConstructionStartsOn, agreement.ConstructionEndsOn,
                agreement.Year1Award!.Value.Fen, agreement.EspeciallyMajor, now), cancellationToken); // Sign refuses to complete without an award.
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await View(db, agreement, cancellationToken));
    }

    /// <summary>The committee decides (or lowers) the award of a platform-year, never above its cap (R-A10-Y1, -Y23, -MAJOR).</summary>
    private static async Task<Results<Ok<FundingYearView>, NotFound>> Award(Guid id, int year, AwardRequest request, ClaimsPrincipal user, FundingDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var agreement = await Load(db, id, cancellationToken);
        var fundingYear = await db.FundingYear(id, year, cancellationToken);
        if (agreement is null || fundingYear is null)
        {
            return TypedResults.NotFound();
        }

        if (agreement.Status != AgreementStatus.InForce)
        {
            throw new RuleViolationException(null, "agreement-status", $"Awards are decided under a signed agreement; this one is {agreement.Status}.",
                "仅已签署且有效的协议可确定支持金额。", RuleViolationException.ConflictStatus);
        }

        var now = clock.GetUtcNow();
        var by = user.UserId();
        var amount = Money.FromFen(request.AmountFen);
        fundingYear.DecideAward(amount, by, now);
        if (year == 1)
        {
            agreement.RecordYear1Award(amount, by, now, request.Note ?? "year-1 award changed / 第一年度支持金额变更");
        }

        await LedgerPostings.Award(db, agreement, fundingYear, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FundingYearView.From(fundingYear));
    }

    /// <summary>A cap under a policy version (default: the version in force today).</summary>
    private static Ok<CapView> PreviewCap(long baseFen, bool? especiallyMajor, int? constructionYear, string? policyVersion, PolicyCatalog policies,
        TimeProvider clock)
    {
        var year = constructionYear ?? 1;
        var rules = FundingRules.From(policyVersion is null ? policies.InForceOn(BeijingTime.Today(clock)) : policies.Get(policyVersion));
        var cap = year == 1
            ? SupportCaps.ForYearOne(Money.FromFen(baseFen), especiallyMajor ?? false, rules)
            : SupportCaps.ForLaterYear(year, Money.FromFen(baseFen), especiallyMajor ?? false, previousEvaluationPassed: true, rules);
        return TypedResults.Ok(CapView.From(cap));
    }

    private static AgreementParty ParseParty(string? party, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(party))
        {
            return user.IsInRole(Roles.Applicant) ? AgreementParty.Unit : AgreementParty.Committee;
        }

        return Enum.TryParse<AgreementParty>(party, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new RuleViolationException("party", "agreement-signature", "The party is 'committee' or 'unit'.", "签署方须为 committee（管委会）或 unit（建设单位）。");
    }

    private static bool IsOnlyApplicant(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Applicant) && !Roles.All.Where(r => r != Roles.Applicant).Any(user.IsInRole);

    // Compiled once per model: the agreement is read by every signature, award and look at it (docs/performance.md, fix 40).
    private static readonly ModelCompiledQuery<FundingDbContext, Guid, Agreement?> AgreementQuery =
        new((db, id, _) => db.Agreements.Include(a => a.Revisions).Include(a => a.Signatures).AsSplitQuery().SingleOrDefault(a => a.Id == id));

    private static readonly ModelCompiledListQuery<FundingDbContext, Guid, FundingYear> YearsQuery =
        new((db, agreementId) => db.FundingYears.AsNoTracking().Where(y => y.AgreementId == agreementId));

    internal static Task<Agreement?> Load(FundingDbContext db, Guid id, CancellationToken cancellationToken) => AgreementQuery.Run(db, id, cancellationToken);

    private static async Task<AgreementView> View(FundingDbContext db, Agreement agreement, CancellationToken cancellationToken)
    {
        var years = await YearsQuery.Run(db, agreement.Id, cancellationToken);
        return AgreementView.From(agreement, years);
    }
}
