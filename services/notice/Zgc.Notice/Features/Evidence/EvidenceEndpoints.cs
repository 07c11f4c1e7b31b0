using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Notice.Features.Evidence;

public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset ReceivedAt)
{
    public static EvidenceView From(ObjectionEvidence e) => new(e.Id, e.FileName, e.ContentType, e.Length, e.Sha256, e.ReceivedAt);
}

/// <summary>
/// Evidence files: the objector adds them by the receipt number (which is the objector's key, as for the status look-up);
/// only committee officers and admins download them, since they carry personal data of objectors and third parties.
/// </summary>
internal static class EvidenceEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        // Read by hand rather than bound as IFormFile: the limits apply before the body is read, and no antiforgery token is
        // expected of this API (no cookie is involved; the unguessable receipt number in the path is the credential).
        group.MapPost("/objections/{receiptNumber}/evidence", Upload).AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(PublicNotices.ObjectionRateLimit).WithName("UploadObjectionEvidence")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/manage/notices/{id:guid}/objections/{objectionId:guid}/evidence/{evidenceId:guid}", Download)
            .RequireRoles(Roles.CommitteeOfficer, Roles.Admin).WithName("DownloadObjectionEvidence");
    }

    private static async Task<Results<Created<List<EvidenceView>>, NotFound>> Upload(string receiptNumber, HttpRequest request, NoticeDbContext db,
        EvidenceIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        var form = await intake.ReadForm(request, cancellationToken);
        var objection = await PublicNotices.FindByReceipt(db.Objections.Include(o => o.Evidence), receiptNumber, cancellationToken);
        if (objection is null)
        {
            return TypedResults.NotFound();
        }

        var files = EvidenceIntake.Chosen(form);
        if (files.Count == 0)
        {
            throw new Zgc.SharedKernel.RuleViolationException("files", EvidenceIntake.Rule, "Attach at least one file.", "请至少选择一个文件。");
        }

        var stored = await intake.Attach(objection, files, clock.GetUtcNow(), cancellationToken);
        db.Evidence.AddRange(stored);
        await intake.Save(db, stored, objection.NoticeId, cancellationToken);
        return TypedResults.Created($"/notice/objections/{objection.ReceiptNumber}", stored.Select(EvidenceView.From).ToList());
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(Guid id, Guid objectionId, Guid evidenceId, HttpResponse response,
        NoticeDbContext db, EvidenceFolder folder, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.ObjectionId == objectionId, cancellationToken);
        var belongs = evidence is not null && await db.Objections.AnyAsync(o => o.Id == objectionId && o.NoticeId == id, cancellationToken);
        if (!belongs || folder.Open(id, objectionId, evidenceId) is not { } content)
        {
            return TypedResults.NotFound();
        }

        // The recorded digest (RFC 9530), so the officer's client can check the file is the one received.
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(evidence!.Sha256))}:";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, evidence.ContentType, evidence.FileName);
    }
}
