using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Notice.Features.Evidence;

/// <summary>
/// Takes evidence files for an objection: reads the upload within the configured limits, checks every file (count, size,
/// type by content) before anything is stored, stores them with their SHA-256 and records them on the objection.
/// Too large or too many → 413; not a PDF, JPEG or PNG, or named as another type → 415.
/// </summary>
internal sealed class EvidenceIntake(IOptions<NoticeOptions> options, EvidenceFolder folder)
{
    public const string Rule = "evidence-file";

    /// <summary>The longest file name kept (what common file systems allow).</summary>
    public const int MaxNameLength = 255;

    private EvidenceOptions Limits => options.Value.Evidence;

    /// <summary>
    /// Reads a multipart form, refusing (413) a body larger than all files at their limit. The form is cached on the request,
    /// so antiforgery validation afterwards reads the same form rather than the body again.
    /// </summary>
    public async Task<IFormCollection> ReadForm(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = Limits.MaxRequestBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge();
        }

        if (!request.HasFormContentType)
        {
            throw new RuleViolationException("files", Rule, "Send the files as multipart/form-data.", "请以 multipart/form-data 方式上传文件。",
                StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            return await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw TooLarge();
        }
        catch (InvalidDataException)
        {
            throw new RuleViolationException("files", Rule, "The upload is not a readable multipart form.", "上传内容格式不正确。");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The multipart reader's word for a body that ends before its closing boundary: the sender's fault, not ours.
            throw new RuleViolationException("files", Rule, "The upload is not a readable multipart form.", "上传内容格式不正确。");
        }
    }

    /// <summary>The files actually chosen (a browser sends an empty part for a file input left empty).</summary>
    public static IReadOnlyList<IFormFile> Chosen(IFormCollection form) =>
        [.. form.Files.Where(f => f.Length > 0 || !string.IsNullOrWhiteSpace(f.FileName))];

    /// <summary>
    /// Checks all the files, then stores them and records them on the objection. Returns what was recorded, for the caller
    /// to add to the context and save with <see cref="Save"/>. Nothing is stored when any file is refused.
    /// </summary>
    public async Task<IReadOnlyList<ObjectionEvidence>> Attach(Objection objection, IReadOnlyList<IFormFile> files, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objection);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return [];
        }

        objection.EnsureTakesEvidence();
        if (objection.Evidence.Count + files.Count > Limits.MaxFiles)
        {
            throw new RuleViolationException("files", Rule, $"An objection carries at most {Limits.MaxFiles} evidence files.",
                $"每件异议最多提交{Limits.MaxFiles}个证明材料文件。", StatusCodes.Status413PayloadTooLarge);
        }

        var accepted = new List<(IFormFile File, EvidenceFileType Type, string Name)>(files.Count);
        foreach (var file in files)
        {
            accepted.Add(await Check(file, cancellationToken));
        }

        var stored = new List<ObjectionEvidence>(accepted.Count);
        try
        {
            foreach (var (file, type, name) in accepted)
            {
                var id = Guid.CreateVersion7();
                await using var content = file.OpenReadStream();
                var (length, sha256) = await folder.Save(objection.NoticeId, objection.Id, id, content, cancellationToken);
                stored.Add(objection.AttachEvidence(id, name, type.ContentType, length, sha256, now));
            }
        }
        catch
        {
            Discard(objection.NoticeId, stored);
            throw;
        }

        return stored;
    }

    /// <summary>Saves the objection and its evidence records; when that fails, the stored files go too.</summary>
    public async Task Save(NoticeDbContext db, IReadOnlyList<ObjectionEvidence> stored, Guid noticeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            Discard(noticeId, stored);
            throw;
        }
    }

    private async Task<(IFormFile File, EvidenceFileType Type, string Name)> Check(IFormFile file, CancellationToken cancellationToken)
    {
        // A name that climbs folders or hides its real ending (control characters, bidi overrides) did not come from a file
        // chooser: refused, rather than quietly cut down to something that looks harmless.
        var raw = file.FileName ?? "";
        if (raw.Contains('/', StringComparison.Ordinal) || raw.Contains('\\', StringComparison.Ordinal) || raw.Trim() is "." or ".." || !PlainText.IsPlain(raw)
            || raw.Length > MaxNameLength || (raw.Length > 0 && Path.GetFileNameWithoutExtension(raw.Trim()).Length == 0))
        {
            throw new RuleViolationException("files", Rule, "A file name has a name before its extension, at most 255 characters, and no folders, control characters or bidirectional overrides.",
                "文件名须有主名、不超过255个字符，且不能包含路径、控制字符或双向文本控制符。");
        }

        var name = CleanName(file.FileName);
        if (file.Length > Limits.MaxFileBytes)
        {
            throw new RuleViolationException("files", Rule,
                $"\"{name}\" is larger than {Size(Limits.MaxFileBytes)}.", $"文件“{name}”超过{Size(Limits.MaxFileBytes)}。",
                StatusCodes.Status413PayloadTooLarge);
        }

        var head = new byte[EvidenceFileType.SignatureLength];
        int read;
        await using (var content = file.OpenReadStream())
        {
            read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var type = EvidenceFileType.Recognise(head.AsSpan(0, read));
        if (type is null)
        {
            throw new RuleViolationException("files", Rule, $"\"{name}\" is not a PDF, JPEG or PNG file (judged by its content).",
                $"文件“{name}”不是PDF、JPG或PNG文件（按文件内容识别）。", StatusCodes.Status415UnsupportedMediaType);
        }

        if (!type.Names(name))
        {
            throw new RuleViolationException("files", Rule, $"\"{name}\" is named as another type but its content is {type.Label}.",
                $"文件“{name}”的扩展名与其内容（{type.Label}）不符。", StatusCodes.Status415UnsupportedMediaType);
        }

        return (file, type, name);
    }

    private void Discard(Guid noticeId, IEnumerable<ObjectionEvidence> stored)
    {
        foreach (var evidence in stored)
        {
            folder.Delete(noticeId, evidence.ObjectionId, evidence.Id);
        }
    }

    private RuleViolationException TooLarge() => new("files", Rule,
        $"The upload is too large: at most {Limits.MaxFiles} files of {Size(Limits.MaxFileBytes)} each.",
        $"上传内容过大：最多{Limits.MaxFiles}个文件，每个不超过{Size(Limits.MaxFileBytes)}。", StatusCodes.Status413PayloadTooLarge);

    /// <summary>The file's own name without any folder part or control characters, for display and download only.</summary>
    private static string CleanName(string? fileName)
    {
        var name = new string([.. Path.GetFileName((fileName ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "evidence" : name;
    }

    private static string Size(long bytes) => Pages.ChineseText.Size(bytes);
}
