using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Notice.Domain;
using Zgc.Notice.Features.Evidence;
using Zgc.Notice.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Notice.Features.Pages;

/// <summary>
/// The public objection form (异议) and the receipt look-up. The form posts to the same <see cref="PublicNotices.Submit"/>
/// as the JSON endpoint, so it takes and refuses exactly what the API does, and shows the receipt number or the refusal.
/// </summary>
internal static class ObjectionPages
{
    public static void Map(IEndpointRouteBuilder pages)
    {
        pages.MapGet("/notices/{id:guid}/objection", Form).WithName("ObjectionFormPage");
        // The antiforgery token is checked in the handler (IAntiforgery), after the form has been read under the evidence
        // limits; the endpoint opts out of the middleware so that it behaves the same in a host with or without it.
        pages.MapPost("/notices/{id:guid}/objection", Submit).DisableAntiforgery().RequireRateLimiting(PublicNotices.ObjectionRateLimit)
            .WithName("ObjectionFormSubmit");
        pages.MapGet("/objections", Receipt).WithName("ObjectionReceiptPage");
    }

    private static async Task<IResult> Form(Guid id, HttpContext http, NoticeDbContext db, IAntiforgery antiforgery, IOptions<NoticeOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await Find(db, id, cancellationToken);
        return notice is null ? NoticePages.NotFound() : FormOrRefusal(notice, http, antiforgery, options.Value, clock.GetUtcNow(), null, null);
    }

    private static async Task<IResult> Submit(Guid id, HttpContext http, NoticeDbContext db, EvidenceIntake intake, IAntiforgery antiforgery,
        IOptions<NoticeOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await Find(db, id, cancellationToken);
        if (notice is null)
        {
            return NoticePages.NotFound();
        }

        IFormCollection form;
        try
        {
            form = await intake.ReadForm(http.Request, cancellationToken);
        }
        catch (RuleViolationException refused)
        {
            return Refusal(notice, refused.MessageZh, refused.StatusCode, http);
        }
        catch (BadHttpRequestException bad)
        {
            return Refusal(notice, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "上传内容过大。" : "提交的内容无法读取，请返回重新填写。", bad.StatusCode, http);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Refusal(notice, "页面已过期或不是从本站表单提交，请返回公示页面重新打开异议表单后提交。", StatusCodes.Status400BadRequest, http);
        }

        var request = new ObjectionRequest(form["name"], form["idNumber"], form["telephone"], form["organisation"], form["reasons"]);
        Objection? objection;
        try
        {
            objection = await PublicNotices.Submit(id, request, PublicNotices.FiledBy(http.User), EvidenceIntake.Chosen(form), intake, db, clock,
                cancellationToken);
        }
        catch (RuleViolationException refused) when (refused.StatusCode == StatusCodes.Status400BadRequest)
        {
            // Bad input: the form again, with what was typed and what to correct.
            return FormOrRefusal(notice, http, antiforgery, options.Value, clock.GetUtcNow(), request, refused.MessageZh);
        }
        catch (RuleViolationException refused)
        {
            // Too late (the message says when the period ended), withdrawn, or files too large or of the wrong type.
            return Refusal(notice, refused.MessageZh, refused.StatusCode, http);
        }

        return objection is null ? NoticePages.NotFound() : Accepted(notice, objection, http);
    }

    private static async Task<IResult> Receipt(string? receiptNumber, HttpRequest request, NoticeDbContext db, CancellationToken cancellationToken)
    {
        var root = request.PathBase.Value ?? "";
        var lookup = Html.Of($"""
            <form method="get" action="{root + HtmlPage.ReceiptPath}">
            <label for="receiptNumber">回执编号</label>
            <input type="text" id="receiptNumber" name="receiptNumber" maxlength="20" value="{receiptNumber}">
            <p><button type="submit">查询</button></p>
            </form>
            """);
        if (string.IsNullOrWhiteSpace(receiptNumber))
        {
            return new HtmlPage("异议办理进度查询", Html.Of($"<h1>异议办理进度查询</h1><p>请输入提交异议时取得的回执编号。</p>{lookup}"));
        }

        var objection = await PublicNotices.FindByReceipt(db.Objections.AsNoTracking(), receiptNumber, cancellationToken);
        if (objection is null)
        {
            return new HtmlPage("异议办理进度查询", Html.Of($"""
                <h1>异议办理进度查询</h1>
                <p class="refusal">未找到回执编号为“{receiptNumber}”的异议，请核对后重新输入。</p>
                {lookup}
                """), StatusCodes.Status404NotFound) { NoStore = true };
        }

        var finding = objection.Finding is null ? Markup.Empty : Html.Of($"<dt>核查结论</dt><dd>{Html.Lines(objection.Finding)}</dd>");
        return new HtmlPage("异议办理进度查询", Html.Of($"""
            <h1>异议办理进度查询</h1>
            <dl>
            <dt>回执编号</dt><dd>{objection.ReceiptNumber}</dd>
            <dt>所涉公示</dt><dd><a href="{root + NoticePages.NoticePath(objection.NoticeId)}">查看公示</a></dd>
            <dt>提交时间</dt><dd>{ChineseText.Instant(objection.SubmittedAt)}</dd>
            <dt>办理状态</dt><dd class="state">{ChineseText.Objection(objection.Status)}</dd>
            {finding}
            </dl>
            """)) { NoStore = true };
    }

    private static Task<PublicNotice?> Find(NoticeDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.Status != NoticeStatus.Draft, cancellationToken);

    /// <summary>The form while objections are taken; otherwise why not (not yet started, ended — with when —, or withdrawn).</summary>
    private static HtmlPage FormOrRefusal(PublicNotice notice, HttpContext http, IAntiforgery antiforgery, NoticeOptions options, DateTimeOffset now,
        ObjectionRequest? typed, string? problem)
    {
        if (!ChineseText.TakesObjections(notice, now))
        {
            var why = notice switch
            {
                { Status: NoticeStatus.Withdrawn } => "该公示已撤回，不再受理异议。",
                { StartsOn: { } starts } when now < BeijingTime.StartOfDay(starts) => $"公示期自{ChineseText.Date(starts)}开始，届时方可提出异议。",
                { ClosesAt: { } closes } => $"公示期已于北京时间{ChineseText.Closing(closes)}结束，不再受理异议。",
                _ => "该公示不受理异议。",
            };
            return Refusal(notice, why, StatusCodes.Status200OK, http);
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        var root = http.Request.PathBase.Value ?? "";
        var limits = options.Evidence;
        var error = problem is null ? Markup.Empty : Html.Of($"""<p class="refusal" role="alert">{problem}</p>""");
        var content = Html.Of($"""
            <h1>对“{notice.PlatformName}”的公示提出异议</h1>
            <p>牵头建设单位：{notice.UnitName}。公示期：{ChineseText.Period(notice)}（北京时间），请于公示期结束前提交。</p>
            <p>异议须实名提出：请填写真实姓名，以及身份证号码或联系电话（至少一项）。匿名异议不予受理。提交后将取得回执编号，可凭编号查询办理进度。</p>
            {error}
            <form method="post" enctype="multipart/form-data" action="{root + NoticePages.FormPath(notice.Id)}">
            <input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">
            <label for="name">姓名（必填）</label>
            <input type="text" id="name" name="name" required maxlength="50" autocomplete="name" value="{typed?.Name}">
            <label for="idNumber">身份证号码</label>
            <input type="text" id="idNumber" name="idNumber" maxlength="18" value="{typed?.IdNumber}">
            <label for="telephone">联系电话</label>
            <input type="text" id="telephone" name="telephone" maxlength="20" autocomplete="tel" value="{typed?.Telephone}">
            <small>身份证号码与联系电话至少填写一项。</small>
            <label for="organisation">所在单位（选填）</label>
            <input type="text" id="organisation" name="organisation" maxlength="100" autocomplete="organization" value="{typed?.Organisation}">
            <label for="reasons">异议理由（必填，{Objection.MinReasonsLength}至{Objection.MaxReasonsLength}字）</label>
            <textarea id="reasons" name="reasons" rows="8" required minlength="{Objection.MinReasonsLength}" maxlength="{Objection.MaxReasonsLength}">{typed?.Reasons}</textarea>
            <label for="evidence">证明材料（选填）</label>
            <input type="file" id="evidence" name="evidence" multiple accept="{EvidenceFileType.AcceptList}">
            <small>PDF、JPG或PNG文件，最多{limits.MaxFiles}个，每个不超过{ChineseText.Size(limits.MaxFileBytes)}。</small>
            <p><button type="submit">提交异议</button></p>
            </form>
            <p><a href="{root + NoticePages.NoticePath(notice.Id)}">返回公示</a></p>
            """);
        return new HtmlPage("提出异议", content, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest) { NoStore = true };
    }

    private static HtmlPage Refusal(PublicNotice notice, string message, int statusCode, HttpContext http)
    {
        var root = http.Request.PathBase.Value ?? "";
        return new HtmlPage("提出异议", Html.Of($"""
            <h1>对“{notice.PlatformName}”的公示提出异议</h1>
            <p class="refusal" role="alert">{message}</p>
            <p><a href="{root + NoticePages.NoticePath(notice.Id)}">返回公示</a></p>
            """), statusCode) { NoStore = true };
    }

    private static HtmlPage Accepted(PublicNotice notice, Objection objection, HttpContext http)
    {
        var root = http.Request.PathBase.Value ?? "";
        var statusPath = $"{root}{HtmlPage.ReceiptPath}?receiptNumber={Uri.EscapeDataString(objection.ReceiptNumber)}";
        var files = objection.Evidence.Count == 0
            ? Markup.Empty
            : Html.Of($"""
                <p>已接收证明材料：</p>
                <ul>{objection.Evidence.Select(e => Html.Of($"<li>{e.FileName}（{ChineseText.Size(e.Length)}，SHA-256：<code>{e.Sha256}</code>）</li>"))}</ul>
                """);
        http.Response.Headers.Location = statusPath;
        return new HtmlPage("异议已受理", Html.Of($"""
            <h1>异议已受理</h1>
            <div class="receipt">
            <p>您对“{notice.PlatformName}”公示提出的异议已于北京时间{ChineseText.Instant(objection.SubmittedAt)}受理。</p>
            <p>回执编号：<strong id="receipt-number">{objection.ReceiptNumber}</strong></p>
            <p>请妥善保存回执编号，可凭编号<a href="{statusPath}">查询办理进度</a>。</p>
            </div>
            {files}
            <p><a href="{root + NoticePages.NoticePath(notice.Id)}">返回公示</a></p>
            """), StatusCodes.Status201Created) { NoStore = true };
    }
}
