
namespace Zgc.Console.Localization;

/// <summary>
/// The console's language: Chinese unless the user chose English with <c>?lang=en</c> (remembered in a cookie;
/// <c>?lang=zh</c> switches back).
/// </summary>
public static class UiLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";
    public const string QueryParameter = "lang";
    public const string CookieName = "zgc-lang";

    /// <summary>"zh" or "en" for a recognised value (zh, zh-CN, en, en-US, …); otherwise null.</summary>
    public static string? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        return v.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English
            : v.StartsWith(Chinese, StringComparison.OrdinalIgnoreCase) ? Chinese
            : null;
    }

    /// <summary>The query parameter wins over the cookie; the default is Chinese.</summary>
    public static string FromRequest(HttpContext context) =>
        Parse(context.Request.Query[QueryParameter]) ?? Parse(context.Request.Cookies[CookieName]) ?? Chinese;

    /// <summary>Remembers a language chosen with <c>?lang=</c> for the following requests (and the interactive circuit's page loads).</summary>
    public static void Remember(HttpContext context)
    {
        var chosen = Parse(context.Request.Query[QueryParameter]);
        if (chosen is not null && chosen != Parse(context.Request.Cookies[CookieName]))
        {
            context.Response.Cookies.Append(CookieName, chosen, new CookieOptions
            {
                Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        }
    }
}
