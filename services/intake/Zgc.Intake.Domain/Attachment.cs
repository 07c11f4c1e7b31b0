namespace Zgc.Intake.Domain;

/// <summary>
/// A file of application materials (申请材料). Its kind is recognised from its content, its SHA-256 recorded; the bytes
/// live in the file store under <see cref="StorageKey"/>.
/// </summary>
public sealed class Attachment
{
    private Attachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>pdf, jpg, png, docx or xlsx, as recognised from the content.</summary>
    public string Kind { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public static Attachment Create(Guid id, Guid applicationId, string fileName, string kind, string contentType, long sizeBytes, string sha256,
        string storageKey, string uploadedBy, DateTimeOffset now) => new()
        {
            Id = id,
            ApplicationId = applicationId,
            FileName = fileName,
            Kind = kind,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            StorageKey = storageKey,
            UploadedBy = uploadedBy,
            UploadedAt = now,
        };

    public AttachmentRef ToRef() => new(Id, FileName, Kind, SizeBytes, Sha256);
}
