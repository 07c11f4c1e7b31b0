using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Features;

/// <summary>An intake service whose attachment limits are tiny, so that 413 can be shown without megabytes of data.</summary>
public sealed class SmallLimitsIntakeApp : IntakeApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Intake:MaxAttachmentBytes"] = "2000",
        ["Intake:MaxApplicationAttachmentBytes"] = "3000",
    };
}

public sealed class AttachmentTests(SmallLimitsIntakeApp app) : IClassFixture<SmallLimitsIntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static byte[] Pdf(int size = 200) => Padded("%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n"u8.ToArray(), size);

    public static byte[] Png(int size = 100) => Padded([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], size);

    public static byte[] Jpg(int size = 100) => Padded([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], size);

    public static byte[] Exe() => Padded("MZ\u0090\0This program cannot be run in DOS mode."u8.ToArray(), 300);

    /// <summary>A minimal Office Open XML package: [Content_Types].xml declaring the main part, and that part.</summary>
    public static byte[] Package(string mainContentType, string mainPart)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (mainContentType.Length > 0)
            {
                Write(zip, "[Content_Types].xml",
                    $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/{mainPart}" ContentType="{mainContentType}"/></Types>""");
            }

            Write(zip, mainPart, "<x/>");
        }

        return buffer.ToArray();
    }

    public static byte[] Docx() => Package("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");

    public static byte[] Xlsx() => Package("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");

    [Theory]
    [InlineData("pdf", "申请书.pdf", "application/pdf")]
    [InlineData("png", "scan.PNG", "image/png")]
    [InlineData("jpg", "photo.jpeg", "image/jpeg")]
    [InlineData("docx", "方案.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xlsx", "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task The_five_kinds_are_recognised_and_stored_with_their_SHA_256(string kind, string name, string contentType)
    {
        var bytes = kind switch { "pdf" => Pdf(), "png" => Png(), "jpg" => Jpg(), "docx" => Docx(), _ => Xlsx() };
        var unit = IntakeApp.NewUnit();
        var id = await app.CreateDraft(unit);
        using var applicant = app.Applicant(unit);

        var response = await Upload(applicant, id, bytes, name);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(kind, view.GetProperty("kind").GetString());
        Assert.Equal(contentType, view.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), view.GetProperty("sha256").GetString());
        var download = await applicant.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("exe renamed", "report.pdf")]
    [InlineData("png named pdf", "report.pdf")]
    [InlineData("zip without content types named docx", "plan.docx")]
    [InlineData("docx named xlsx", "budget.xlsx")]
    [InlineData("text", "notes.txt")]
    public async Task Spoofed_or_unsupported_types_are_415(string what, string name)
    {
        var bytes = what switch
        {
            "exe renamed" => Exe(),
            "png named pdf" => Png(),
            "zip without content types named docx" => Package("", "word/document.xml"),
            "docx named xlsx" => Docx(),
            _ => Encoding.UTF8.GetBytes("hello"),
        };
        var unit = IntakeApp.NewUnit();
        var id = await app.CreateDraft(unit);
        using var applicant = app.Applicant(unit);

        var response = await Upload(applicant, id, bytes, name);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("attachment-type", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(0, (await applicant.GetFromJsonAsync<JsonElement>($"/intake/applications/{id}/attachments", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_file_over_the_limit_and_an_application_over_its_total_are_413()
    {
        var unit = IntakeApp.NewUnit();
        var id = await app.CreateDraft(unit);
        using var applicant = app.Applicant(unit);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Upload(applicant, id, Pdf(2001), "big.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Upload(applicant, id, Pdf(2000), "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Upload(applicant, id, Pdf(1000), "b.pdf")).StatusCode);
        var over = await Upload(applicant, id, Pdf(1), "c.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Equal("attachment-size", (await over.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task Materials_are_listed_in_the_version_and_downloadable_only_by_the_entitled()
    {
        var unit = IntakeApp.NewUnit();
        var id = await app.CreateDraft(unit);
        using var applicant = app.Applicant(unit);
        var uploaded = await Upload(applicant, id, Pdf(), "申请书.pdf");
        var location = uploaded.Headers.Location!;
        using var officer = app.Officer();
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(location, Ct)).StatusCode);

        (await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), Ct)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(location, Ct)).StatusCode);
        using var otherPark = app.Officer("miyun");
        Assert.Equal(HttpStatusCode.NotFound, (await otherPark.GetAsync(location, Ct)).StatusCode);
        using var otherUnit = app.Applicant(IntakeApp.NewUnit());
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync(location, Ct)).StatusCode);

        var version = await officer.GetFromJsonAsync<JsonElement>($"/intake/applications/{id}/versions/1", Ct);
        var listed = Assert.Single(version.GetProperty("attachments").EnumerateArray().ToList());
        Assert.Equal("申请书.pdf", listed.GetProperty("fileName").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf())), listed.GetProperty("sha256").GetString());

        // Submitted: no more uploads, and the version's file cannot be deleted.
        Assert.Equal(HttpStatusCode.Conflict, (await Upload(applicant, id, Pdf(), "late.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await applicant.DeleteAsync(location, Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, Guid id, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync($"/intake/applications/{id}/attachments", form, Ct);
    }

    private static byte[] Padded(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
