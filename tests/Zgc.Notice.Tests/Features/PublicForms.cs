using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Zgc.Notice.Tests.Features;

/// <summary>What a browser does with the public pages: read the form's antiforgery token, post the form with files.</summary>
public static partial class PublicForms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>A minimal but well-formed PDF (one empty page).</summary>
    public static byte[] SmallPdf { get; } = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The PNG signature and the start of an IHDR chunk: a PNG by its content.</summary>
    public static byte[] PngBytes { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "the form carries an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static MultipartFormDataContent Objection(string? token, string? name = "李四", string? telephone = "13800138000",
        string reasons = "该单位申报材料中的研发投入与实际情况不符，请核查。", params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), TokenField);
        }

        form.Add(new StringContent(name ?? ""), "name");
        form.Add(new StringContent(""), "idNumber");
        form.Add(new StringContent(telephone ?? ""), "telephone");
        form.Add(new StringContent("某研究所"), "organisation");
        form.Add(new StringContent(reasons), "reasons");
        AddFiles(form, "evidence", files);
        return form;
    }

    public static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        AddFiles(form, "files", files);
        return form;
    }

    private static void AddFiles(MultipartFormDataContent form, string field, (string Name, byte[] Content)[] files)
    {
        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            // What the browser claims is deliberately wrong-or-generic: the service must judge by content.
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, field, fileName);
        }
    }

    [GeneratedRegex("name=\"" + TokenField + "\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
