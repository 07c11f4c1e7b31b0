using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Intake.Domain;
using Zgc.Intake.Features.Applications;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features.Attachments;

/// <summary>
/// Application materials (申请材料): PDF, JPG, PNG, DOCX or XLSX only, recognised by content; at most
/// <see cref="IntakeOptions.MaxAttachmentBytes"/> each (413) and <see cref="IntakeOptions.MaxApplicationAttachmentBytes"/>
/// per application (413); anything else is 415. Uploaded by the applicant while the application can be changed; read by
/// whoever may see the application. The next submitted version lists them with their SHA-256.
/// </summary>
internal static class AttachmentEndpoints
{
    public const string SizeRule = "attachment-size";
    public const string TypeRule = "attachment-type";

    public sealed record AttachmentView(Guid Id, string FileName, string Kind, string ContentType, long SizeBytes, string Sha256, string UploadedBy,
        DateTimeOffset UploadedAt)
    {
        public static AttachmentView From(Attachment a) => new(a.Id, a.FileName, a.Kind, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedBy, a.UploadedAt);
    }

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/applications/{id:guid}/attachments", Upload).RequireRoles(Roles.Applicant).DisableAntiforgery().WithName("UploadAttachment")
            .Produces<AttachmentView>(StatusCodes.Status201Created);
        group.MapGet("/applications/{id:guid}/attachments", List).WithName("ListAttachments");
        group.MapGet("/applications/{id:guid}/attachments/{attachmentId:guid}", Download).WithName("DownloadAttachment");
        group.MapDelete("/applications/{id:guid}/attachments/{attachmentId:guid}", Delete).RequireRoles(Roles.Applicant).WithName("DeleteAttachment");
    }

    private static async Task<IResult> Upload(Guid id, HttpContext http, ClaimsPrincipal user, IntakeDbContext db, IAttachmentStore store,
        IOptions<IntakeOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var application = await ApplicationLoader.Visible(db, id, user, cancellationToken);
        if (application is null || !ApplicationAccess.IsOwnUnit(user, application))
        {
            return TypedResults.NotFound();
        }

        if (!Application.Editable.Contains(application.Status))
        {
            throw new StatusConflictException(application.Status, "given new materials", "上传材料", Application.Editable, "R-A13-APPLY");
        }

        var limits = options.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Room for one file at the limit plus the multipart envelope; a larger body is refused by the server with 413.
            bodyLimit.MaxRequestBodySize = limits.MaxAttachmentBytes + (1024 * 1024);
        }

        if (!http.Request.HasFormContentType)
        {
            throw new RuleViolationException("file", TypeRule, "Upload the file as multipart/form-data in a part named 'file'.",
                "请以 multipart/form-data 上传文件，字段名为 file。", StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var file = form.Files["file"] ?? throw new RuleViolationException("file", "R-A13-APPLY", "No file in the part named 'file'.", "未找到名为 file 的文件。");
        if (file.Length > limits.MaxAttachmentBytes)
        {
            throw TooLarge($"The file is {file.Length:N0} bytes; at most {limits.MaxAttachmentBytes:N0} bytes each.",
                $"文件大小为{file.Length:N0}字节，单个文件不超过{limits.MaxAttachmentBytes:N0}字节。");
        }

        var used = await db.Attachments.Where(a => a.ApplicationId == id).SumAsync(a => (long?)a.SizeBytes, cancellationToken) ?? 0;
        if (used + file.Length > limits.MaxApplicationAttachmentBytes)
        {
            throw TooLarge($"This application already has {used:N0} bytes of materials; with this file it would exceed {limits.MaxApplicationAttachmentBytes:N0} bytes.",
                $"该申请已有材料{used:N0}字节，加上本文件将超过{limits.MaxApplicationAttachmentBytes:N0}字节。");
        }

        // A name that climbs folders, or hides its real ending behind control characters or bidi overrides, is refused rather
        // than quietly cut down: whoever sent it did not pick it from a file chooser.
        var rawName = file.FileName ?? "";
        if (rawName.Contains('/', StringComparison.Ordinal) || rawName.Contains('\\', StringComparison.Ordinal) || rawName.Trim() is "." or ".."
            || InputHygiene.HasForbiddenCharacters(rawName))
        {
            throw new RuleViolationException("file", "R-A13-APPLY", "The file name may not contain folders, control characters or bidirectional overrides.",
                "文件名不能包含路径、控制字符或双向文本控制符。");
        }

        var fileName = Path.GetFileName(rawName).Trim();
        if (fileName.Length is 0 or > 255)
        {
            throw new RuleViolationException("file", "R-A13-APPLY", "The file needs a name of at most 255 characters.", "文件名不能为空，且不超过255个字符。");
        }

        await using var content = file.OpenReadStream();
        var kind = FileKind.Detect(content) ?? throw new RuleViolationException("file", TypeRule,
            "Only PDF, JPG, PNG, DOCX and XLSX files are accepted, recognised by their content.",
            "仅接受 PDF、JPG、PNG、DOCX、XLSX 文件（按文件内容识别）。", StatusCodes.Status415UnsupportedMediaType);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!kind.Extensions.Contains(extension))
        {
            throw new RuleViolationException("file", TypeRule,
                $"The content is {kind.Code.ToUpperInvariant()} but the name ends in '{extension}'; name the file for what it is.",
                $"文件内容为{kind.Code.ToUpperInvariant()}，但文件名后缀为“{extension}”，请使用与内容相符的文件名。", StatusCodes.Status415UnsupportedMediaType);
        }

        var (key, sha256) = await store.Save(content, cancellationToken);
        var attachment = Attachment.Create(Guid.CreateVersion7(), id, fileName, kind.Code, kind.ContentType, file.Length, sha256, key, user.UserId(),
            clock.GetUtcNow());
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row, no file: nothing half-written is left behind.
            store.Delete(key);
            throw;
        }

        return TypedResults.Created($"/intake/applications/{id}/attachments/{attachment.Id}", AttachmentView.From(attachment));
    }

    private static async Task<Results<Ok<List<AttachmentView>>, NotFound>> List(Guid id, ClaimsPrincipal user, IntakeDbContext db, CancellationToken cancellationToken)
    {
        if (await ApplicationLoader.Visible(db, id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(attachments.Select(AttachmentView.From).ToList());
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, ClaimsPrincipal user, IntakeDbContext db, IAttachmentStore store,
        CancellationToken cancellationToken)
    {
        if (await ApplicationLoader.Visible(db, id, user, cancellationToken) is null
            || await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == id, cancellationToken) is not { } attachment)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(store.Open(attachment.StorageKey), attachment.ContentType, attachment.FileName);
    }

    /// <summary>Only a file no submitted version lists can be deleted: versions stay as they were submitted.</summary>
    private static async Task<IResult> Delete(Guid id, Guid attachmentId, ClaimsPrincipal user, IntakeDbContext db, IAttachmentStore store,
        CancellationToken cancellationToken)
    {
        var application = await ApplicationLoader.Visible(db, id, user, cancellationToken);
        var attachment = application is null || !ApplicationAccess.IsOwnUnit(user, application)
            ? null
            : await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == id, cancellationToken);
        if (attachment is null)
        {
            return TypedResults.NotFound();
        }

        var versions = await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == id).ToListAsync(cancellationToken);
        if (versions.Any(v => v.Attachments.Any(a => a.Id == attachmentId)))
        {
            throw new RuleViolationException("attachmentId", "R-A13-APPLY", "This file is part of a submitted version and is kept unchanged.",
                "该文件属于已提交的版本，不能删除。", RuleViolationException.ConflictStatus);
        }

        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.StorageKey);
        return TypedResults.NoContent();
    }

    private static RuleViolationException TooLarge(string en, string zh) => new("file", SizeRule, en, zh, StatusCodes.Status413PayloadTooLarge);
}
