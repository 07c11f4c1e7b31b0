using System.Text;

namespace Zgc.Notice.Features.Pages;

/// <summary>Marks the endpoints that answer with HTML, so that refusals made outside them (the rate limiter) answer in kind.</summary>
internal sealed class HtmlPageEndpoint
{
    public static HtmlPageEndpoint Instance { get; } = new();
}

/// <summary>
/// A whole public page: the common frame (language, charset, the feed advertised for feed readers, a little style) around
/// its content, sent with headers that keep the page from being framed, sniffed or scripted.
/// </summary>
internal sealed class HtmlPage(string title, Markup content, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ListPath = "/notice/public/notices";
    public const string FeedPath = "/notice/public/notices.atom";
    public const string ReceiptPath = "/notice/public/objections";

    private const string Style = """
        body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;line-height:1.7;max-width:52rem;margin:0 auto;padding:1rem;color:#222}
        header{border-bottom:3px solid #b4161b;margin-bottom:1rem}header p{margin:.2rem 0}a{color:#0b4f9c}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
        dt{font-weight:bold;margin-top:.6rem}dd{margin-left:1.5rem}.state{font-weight:bold;color:#b4161b}
        .refusal{border:1px solid #b4161b;background:#fdf0f0;padding:.6rem}.receipt{border:1px solid #2e7d32;background:#eef7ee;padding:.6rem}
        label{display:block;margin-top:.8rem;font-weight:bold}input[type=text],textarea{width:100%;box-sizing:border-box}small{color:#555}
        footer{margin-top:2rem;border-top:1px solid #ccc;color:#555;font-size:.9rem}
        """;

    /// <summary>Pages holding personal data or a form token must not be kept by browsers or proxies.</summary>
    public bool NoStore { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var root = httpContext.Request.PathBase.Value ?? "";
        var page = Html.Of($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} - 中关村示范区高精尖产业协同创新平台公示</title>
            <link rel="alternate" type="application/atom+xml" title="中关村示范区高精尖产业协同创新平台公示（Atom订阅）" href="{root + FeedPath}">
            <style>{new Markup(Style)}</style>
            </head>
            <body>
            <header>
            <p><strong>中关村示范区高精尖产业协同创新平台 · 公示公告</strong></p>
            <p><a href="{root + ListPath}">公示列表</a> | <a href="{root + ReceiptPath}">异议办理进度查询</a> | <a href="{root + FeedPath}">订阅（Atom）</a></p>
            </header>
            <main>
            {content}
            </main>
            <footer><p>中关村科技园区管理委员会。页面所列日期和时间均为北京时间。</p></footer>
            </body>
            </html>
            """);

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        response.Headers["Referrer-Policy"] = "same-origin";
        if (NoStore)
        {
            response.Headers.CacheControl = "no-store";
        }

        await response.WriteAsync(page.Value, Encoding.UTF8, httpContext.RequestAborted);
    }
}
