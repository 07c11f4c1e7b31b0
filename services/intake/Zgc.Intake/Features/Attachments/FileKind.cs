using System.IO.Compression;
using System.Text;

namespace Zgc.Intake.Features.Attachments;

/// <summary>
/// Recognises the five accepted kinds of material from their bytes, not their names: PDF (<c>%PDF-</c>), PNG (its
/// 8-byte signature), JPEG (<c>FF D8 FF</c>), and DOCX / XLSX, which are ZIP packages whose
/// <c>[Content_Types].xml</c> declares the Word or Excel main part and which contain that part.
/// </summary>
internal static class FileKind
{
    public sealed record Kind(string Code, string ContentType, IReadOnlyList<string> Extensions);

    public static Kind Pdf { get; } = new("pdf", "application/pdf", [".pdf"]);

    public static Kind Png { get; } = new("png", "image/png", [".png"]);

    public static Kind Jpg { get; } = new("jpg", "image/jpeg", [".jpg", ".jpeg"]);

    public static Kind Docx { get; } = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);

    public static Kind Xlsx { get; } = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static IReadOnlyList<Kind> All { get; } = [Pdf, Jpg, Png, Docx, Xlsx];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The kind of the file in <paramref name="content"/> (a seekable stream, left at position 0), or null when it is none of the five.</summary>
    public static Kind? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpg;
        }

        return head.StartsWith("PK\u0003\u0004"u8) ? DetectOfficePackage(content) : null;
    }

    private static Kind? DetectOfficePackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1_000_000)
            {
                return null;
            }

            string declared;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                declared = reader.ReadToEnd();
            }

            if (declared.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal) && zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }

            return declared.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal) && zip.GetEntry("xl/workbook.xml") is not null ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
