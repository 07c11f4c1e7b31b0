using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Notice.Tests.Features;

/// <summary>
/// R-A13-NOTICE: objections may carry evidence files, recognised by content (PDF, JPEG, PNG), within size and count limits,
/// stored with their SHA-256, and downloadable by committee officers only.
/// </summary>
public sealed class EvidenceTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClockedNoticeApp App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Notice:ObjectionsPerWindow"] = "100" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new ClockedNoticeApp(Wednesday, settings: all);
    }

    private static async Task<(PublicNotice Notice, string Receipt)> NoticeWithObjection(ClockedNoticeApp app, HttpClient anonymous)
    {
        var command = NoticeApp.NewNotice();
        await app.Bus.Publish(command, Ct);
        var notice = await app.WaitFor(command.ApplicationId, NoticeStatus.Open);
        var created = await anonymous.PostAsJsonAsync($"/notice/notices/{notice.Id}/objections",
            new { name = "李四", telephone = "13800138000", reasons = "该单位申报材料中的研发投入与实际情况不符，请核查。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (notice, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receiptNumber").GetString()!);
    }

    private static async Task<string> Refusal(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return body;
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task A_real_PDF_is_taken_with_its_SHA_256_and_only_officers_download_it()
    {
        await using var app = App();
        using var anonymous = app.Client(null);
        var (notice, receipt) = await NoticeWithObjection(app, anonymous);

        var uploaded = await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", PublicForms.Files(("证明材料.pdf", PublicForms.SmallPdf)), Ct);
        await Refusal(uploaded, HttpStatusCode.Created);
        var view = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        var sha = Convert.ToHexStringLower(SHA256.HashData(PublicForms.SmallPdf));
        Assert.Equal(sha, view.GetProperty("sha256").GetString());
        Assert.Equal("application/pdf", view.GetProperty("contentType").GetString());
        Assert.Equal(PublicForms.SmallPdf.Length, view.GetProperty("length").GetInt64());

        var objection = (await app.NoticeFor(notice.ApplicationId))!.Objections.Single();
        var stored = Assert.Single(await app.InDb<NoticeDbContext, List<ObjectionEvidence>>(db =>
            Task.FromResult(db.Evidence.Where(e => e.ObjectionId == objection.Id).ToList())));
        Assert.Equal(sha, stored.Sha256);
        Assert.Equal("证明材料.pdf", stored.FileName);
        Assert.True(File.Exists(Path.Combine(app.Data, "notice-evidence", notice.Id.ToString("N"), objection.Id.ToString("N"), stored.Id.ToString("N"))),
            "the file is in the default store under the data folder");

        var path = $"/notice/manage/notices/{notice.Id}/objections/{objection.Id}/evidence/{stored.Id}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);
        using (var applicant = app.Client(Roles.Applicant))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(path, Ct)).StatusCode);
        }

        using (var expert = app.Client(Roles.Expert))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync(path, Ct)).StatusCode);
        }

        using var officer = app.Client(Roles.CommitteeOfficer);
        var download = await officer.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PublicForms.SmallPdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(PublicForms.SmallPdf))}:", download.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal("证明材料.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound,
            (await officer.GetAsync($"/notice/manage/notices/{Guid.NewGuid()}/objections/{objection.Id}/evidence/{stored.Id}", Ct)).StatusCode);

        var managed = await officer.GetFromJsonAsync<JsonElement>($"/notice/manage/notices/{notice.Id}", Ct);
        Assert.Equal(sha, managed.GetProperty("objections")[0].GetProperty("evidence")[0].GetProperty("sha256").GetString());
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task A_file_named_pdf_holding_a_PNG_or_random_bytes_is_refused_with_415_and_nothing_is_stored()
    {
        await using var app = App();
        using var anonymous = app.Client(null);
        var (notice, receipt) = await NoticeWithObjection(app, anonymous);

        var png = await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", PublicForms.Files(("scan.pdf", PublicForms.PngBytes)), Ct),
            HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("evidence-file", png, StringComparison.Ordinal);
        Assert.Contains("扩展名与其内容（PNG）不符", png, StringComparison.Ordinal);

        var random = RandomNumberGenerator.GetBytes(4096);
        random[0] = 0x00;
        var noise = await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", PublicForms.Files(("report.pdf", random)), Ct),
            HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("不是PDF、JPG或PNG文件", noise, StringComparison.Ordinal);

        // A good file beside a bad one: the whole upload is refused, the good one is not kept either.
        await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence",
            PublicForms.Files(("ok.pdf", PublicForms.SmallPdf), ("evil.png", "<svg onload=alert(1)>"u8.ToArray())), Ct), HttpStatusCode.UnsupportedMediaType);

        // The same PNG under its own name is fine.
        await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", PublicForms.Files(("scan.png", PublicForms.PngBytes)), Ct),
            HttpStatusCode.Created);
        var evidence = (await app.InDb<NoticeDbContext, List<ObjectionEvidence>>(db => Task.FromResult(db.Evidence.ToList())));
        Assert.Equal("image/png", Assert.Single(evidence).ContentType);
        var folder = Path.Combine(app.Data, "notice-evidence", notice.Id.ToString("N"));
        Assert.Single(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Files_over_the_size_or_count_limit_are_refused_with_413()
    {
        await using var app = App(("Notice:Evidence:MaxFileBytes", "1024"), ("Notice:Evidence:MaxFiles", "2"));
        using var anonymous = app.Client(null);
        var (_, receipt) = await NoticeWithObjection(app, anonymous);

        var big = new byte[1025];
        PublicForms.SmallPdf.CopyTo(big, 0);
        var tooBig = await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", PublicForms.Files(("big.pdf", big)), Ct),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("超过1 KB", tooBig, StringComparison.Ordinal);

        var three = PublicForms.Files(("a.pdf", PublicForms.SmallPdf), ("b.pdf", PublicForms.SmallPdf), ("c.pdf", PublicForms.SmallPdf));
        var tooMany = await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", three, Ct), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("最多提交2个", tooMany, StringComparison.Ordinal);

        await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence",
            PublicForms.Files(("a.pdf", PublicForms.SmallPdf), ("b.png", PublicForms.PngBytes)), Ct), HttpStatusCode.Created);
        // The limit counts what the objection already carries.
        await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", PublicForms.Files(("c.pdf", PublicForms.SmallPdf)), Ct),
            HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_form_takes_evidence_with_the_objection_and_refuses_a_spoofed_file_without_taking_the_objection()
    {
        await using var app = App();
        var command = NoticeApp.NewNotice();
        await app.Bus.Publish(command, Ct);
        var notice = await app.WaitFor(command.ApplicationId, NoticeStatus.Open);
        using var anonymous = app.Client(null);
        var token = PublicForms.Token(await anonymous.GetStringAsync($"/notice/public/notices/{notice.Id}/objection", Ct));

        var spoofed = await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection",
            PublicForms.Objection(token, files: [("scan.pdf", PublicForms.PngBytes)]), Ct);
        Assert.Contains("扩展名与其内容（PNG）不符", await Refusal(spoofed, HttpStatusCode.UnsupportedMediaType), StringComparison.Ordinal);
        Assert.Empty((await app.NoticeFor(command.ApplicationId))!.Objections);

        var accepted = await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection",
            PublicForms.Objection(token, files: [("证明.pdf", PublicForms.SmallPdf), ("照片.png", PublicForms.PngBytes)]), Ct);
        var page = await Refusal(accepted, HttpStatusCode.Created);
        Assert.Contains("证明.pdf", page, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(PublicForms.SmallPdf)), page, StringComparison.Ordinal);
        var objection = Assert.Single((await app.NoticeFor(command.ApplicationId))!.Objections);
        Assert.Equal(2, await app.InDb<NoticeDbContext, int>(db => Task.FromResult(db.Evidence.Count(e => e.ObjectionId == objection.Id))));
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Evidence_is_not_taken_once_the_objection_is_decided()
    {
        await using var app = App();
        using var anonymous = app.Client(null);
        var (notice, receipt) = await NoticeWithObjection(app, anonymous);
        var objection = (await app.NoticeFor(notice.ApplicationId))!.Objections.Single();
        using var officer = app.Client(Roles.CommitteeOfficer);
        (await officer.PostAsync($"/notice/manage/notices/{notice.Id}/objections/{objection.Id}/investigate", null, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/notice/manage/notices/{notice.Id}/objections/{objection.Id}/decide",
            new { upheld = false, finding = "经核查，申报数据属实。" }, Ct)).EnsureSuccessStatusCode();

        await Refusal(await anonymous.PostAsync($"/notice/objections/{receipt}/evidence", PublicForms.Files(("a.pdf", PublicForms.SmallPdf)), Ct),
            HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound,
            (await anonymous.PostAsync("/notice/objections/YY000000NOPE0000/evidence", PublicForms.Files(("a.pdf", PublicForms.SmallPdf)), Ct)).StatusCode);
    }
}
