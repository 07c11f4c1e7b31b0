namespace Zgc.Notice.Domain;

/// <summary>
/// A file an objector sends in support of an objection (a PDF or an image). Its content lives in the evidence file
/// store under the ids of its notice, objection and itself; the record keeps what the officer needs to trust it: the
/// type recognised from the content (not from the name), its length and its SHA-256.
/// </summary>
public sealed class ObjectionEvidence
{
    public const int MaxFileNameLength = 200;

    private ObjectionEvidence()
    {
    }

    public Guid Id { get; private set; }

    public Guid ObjectionId { get; private set; }

    /// <summary>The name the objector's file had (shown to officers and offered on download; never used as a path).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The media type recognised from the file's first bytes: <c>application/pdf</c>, <c>image/jpeg</c> or <c>image/png</c>.</summary>
    public string ContentType { get; private set; } = "";

    public long Length { get; private set; }

    /// <summary>SHA-256 of the content, 64 lower-case hex digits.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    internal static ObjectionEvidence Create(Guid id, Guid objectionId, string fileName, string contentType, long length, string sha256, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A SHA-256 is 64 lower-case hex digits.", nameof(sha256));
        }

        return new ObjectionEvidence
        {
            Id = id,
            ObjectionId = objectionId,
            FileName = fileName.Length > MaxFileNameLength ? fileName[^MaxFileNameLength..] : fileName,
            ContentType = contentType,
            Length = length,
            Sha256 = sha256,
            ReceivedAt = now,
        };
    }
}
