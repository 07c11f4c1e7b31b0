namespace Zgc.Notice.Features.Evidence;

/// <summary>
/// The kinds of evidence file taken: PDF, JPEG and PNG. A file is recognised by its first bytes (its signature), never by
/// its name or the type the browser claims; its name must then agree, so that "report.pdf" holding a picture or
/// anything else is refused rather than mislabelled.
/// </summary>
internal sealed class EvidenceFileType
{
    public static readonly EvidenceFileType Pdf = new("application/pdf", "PDF", [".pdf"], "%PDF-"u8.ToArray());
    public static readonly EvidenceFileType Jpeg = new("image/jpeg", "JPEG", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]);
    public static readonly EvidenceFileType Png = new("image/png", "PNG", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static IReadOnlyList<EvidenceFileType> All { get; } = [Pdf, Jpeg, Png];

    /// <summary>Bytes to read from the start of a file to recognise any of the types.</summary>
    public static int SignatureLength { get; } = All.Max(t => t.Signature.Length);

    /// <summary>For the file input's <c>accept</c> attribute: a hint to the browser only.</summary>
    public static string AcceptList { get; } = string.Join(",", All.SelectMany(t => t.Extensions).Concat(All.Select(t => t.ContentType)));

    private EvidenceFileType(string contentType, string label, string[] extensions, byte[] signature)
    {
        ContentType = contentType;
        Label = label;
        Extensions = extensions;
        Signature = signature;
    }

    public string ContentType { get; }

    public string Label { get; }

    public IReadOnlyList<string> Extensions { get; }

    private byte[] Signature { get; }

    /// <summary>The type whose signature the content starts with, or null.</summary>
    public static EvidenceFileType? Recognise(ReadOnlySpan<byte> head)
    {
        foreach (var type in All)
        {
            if (head.StartsWith(type.Signature))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>True when the file name's extension is one of this type's.</summary>
    public bool Names(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant(), StringComparer.Ordinal);
}
