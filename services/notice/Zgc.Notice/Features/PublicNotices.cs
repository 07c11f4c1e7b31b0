using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain;
using Zgc.Notice.Features.Evidence;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;
using Zgc.ServiceDefaults.Limits;

namespace Zgc.Notice.Features;

public sealed record NoticeView(Guid Id, Guid ApplicationId, string PlatformName, string UnitName, string? IndustryField, string? SubPark,
    string? ConstructionSummary, string ObjectionChannel, [property: JsonConverter(typeof(JsonStringEnumConverter<NoticeStatus>))] NoticeStatus Status, DateOnly? StartsOn, DateOnly? EndsOn, DateTimeOffset? ClosesAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, string? OutcomeReason, DateTimeOffset? DecidedAt, DateTimeOffset? ExtendedAt)
{
    public static NoticeView From(PublicNotice n) => new(n.Id, n.ApplicationId, n.PlatformName, n.UnitName, n.IndustryField, n.SubPark,
        n.ConstructionSummary, n.ObjectionChannel, n.Status, n.StartsOn, n.EndsOn, n.ClosesAt, n.PublishedAt, n.ClosedAt, n.OutcomeReason, n.DecidedAt,
        n.ExtendedAt);
}

/// <summary>What an objector submits (JSON or the public form).</summary>
public sealed record ObjectionRequest(string? Name, string? IdNumber, string? Telephone, string? Organisation, string? Reasons);

/// <summary>The receipt: its number lets the objector follow the objection without signing in.</summary>
public sealed record ObjectionReceipt(string ReceiptNumber, Guid NoticeId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ObjectionStatus>))] ObjectionStatus Status, DateTimeOffset SubmittedAt, string? Finding,
    DateTimeOffset? UpdatedAt);

/// <summary>
/// Published notices are public: anyone may read them and object during the period without signing in
/// (DESIGN.md, Security). Drafts are not shown.
/// </summary>
internal static class PublicNotices
{
    public const string ObjectionRateLimit = "notice-objections";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/notices", List).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).WithName("ListNotices");
        group.MapGet("/notices/{id:guid}", Get).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).WithName("GetNotice");
        group.MapPost("/notices/{id:guid}/objections", Object).AllowAnonymous().RequireRateLimiting(ObjectionRateLimit).WithName("SubmitObjection");
        group.MapGet("/objections/{receiptNumber}", Receipt).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).WithName("GetObjectionReceipt");
    }

    private static async Task<Ok<List<NoticeView>>> List(NoticeDbContext db, Guid? applicationId, CancellationToken cancellationToken)
    {
        var query = db.Notices.AsNoTracking().Where(n => n.Status != NoticeStatus.Draft);
        if (applicationId is { } id)
        {
            query = query.Where(n => n.ApplicationId == id);
        }

        var notices = await query.OrderByDescending(n => n.DraftedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(notices.Select(NoticeView.From).ToList());
    }

    private static async Task<Results<Ok<NoticeView>, NotFound>> Get(Guid id, NoticeDbContext db, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.Status != NoticeStatus.Draft, cancellationToken);
        return notice is null ? TypedResults.NotFound() : TypedResults.Ok(NoticeView.From(notice));
    }

    private static async Task<Results<Created<ObjectionReceipt>, NotFound>> Object(Guid id, ObjectionRequest request, ClaimsPrincipal user, NoticeDbContext db,
        EvidenceIntake evidence, TimeProvider clock, CancellationToken cancellationToken)
    {
        var objection = await Submit(id, request, FiledBy(user), [], evidence, db, clock, cancellationToken);
        return objection is null
            ? TypedResults.NotFound()
            : TypedResults.Created($"/notice/objections/{objection.ReceiptNumber}", ReceiptOf(objection));
    }

    /// <summary>
    /// Takes an objection for a public notice, with its evidence files, and saves it; null when there is no such public
    /// notice. The JSON endpoint and the HTML form both come here, so they refuse the same things the same way.
    /// </summary>
    public static async Task<Objection?> Submit(Guid id, ObjectionRequest request, string? filedBy, IReadOnlyList<IFormFile> files, EvidenceIntake evidence,
        NoticeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.Include(n => n.Objections).SingleOrDefaultAsync(n => n.Id == id && n.Status != NoticeStatus.Draft, cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var objector = ObjectorIdentity.Create(request.Name, request.IdNumber, request.Telephone, request.Organisation);
        var objection = notice.TakeObjection(Guid.CreateVersion7(), NewReceiptNumber(now), objector, request.Reasons ?? "", now, filedBy);
        db.Objections.Add(objection);
        var stored = await evidence.Attach(objection, files, now, cancellationToken);
        db.Evidence.AddRange(stored);
        await evidence.Save(db, stored, notice.Id, cancellationToken);
        return objection;
    }

    private static async Task<Results<Ok<ObjectionReceipt>, NotFound>> Receipt(string receiptNumber, NoticeDbContext db, CancellationToken cancellationToken)
    {
        var objection = await FindByReceipt(db.Objections.AsNoTracking(), receiptNumber, cancellationToken);
        return objection is null ? TypedResults.NotFound() : TypedResults.Ok(ReceiptOf(objection));
    }

    /// <summary>The objection with this receipt number (as typed: spaces and case do not matter).</summary>
    public static Task<Objection?> FindByReceipt(IQueryable<Objection> objections, string? receiptNumber, CancellationToken cancellationToken)
    {
        var key = (receiptNumber ?? "").Trim().ToUpperInvariant();
        return key.Length is 0 or > 20 ? Task.FromResult<Objection?>(null) : objections.SingleOrDefaultAsync(o => o.ReceiptNumber == key, cancellationToken);
    }

    /// <summary>Who files: the signed-in user's id when a token came with the objection (anyone may file without one).</summary>
    public static string? FiledBy(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.UserId() : null;

    public static ObjectionReceipt ReceiptOf(Objection o) => new(o.ReceiptNumber, o.NoticeId, o.Status, o.SubmittedAt, o.Finding, o.UpdatedAt);

    /// <summary>YY + Beijing date (yyMMdd) + 8 random characters: unguessable, so the number itself grants the look-up.</summary>
    private static string NewReceiptNumber(DateTimeOffset now) =>
        "YY" + Zgc.SharedKernel.BeijingTime.ToBeijing(now).ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture)
        + new string(RandomNumberGenerator.GetItems<char>("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 8));
}
