using System.Security.Cryptography;
using System.Text;

namespace Zgc.Console.Notifications;

/// <summary>
/// Which notifications the user has read, kept in the browser (a cookie of short hashes of their keys): the console stores
/// nothing of its own, and a notification whose matter changes gets a new key, so it is new again.
/// </summary>
public static class ReadMarks
{
    public const string CookieName = "zgc-read";
    public const string Route = "/notifications/read";

    /// <summary>At most this many marks are kept (the newest); older ones concern matters long settled.</summary>
    private const int Keep = 300;

    public static string Mark(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];

    public static HashSet<string> From(HttpContext? http) =>
        http?.Request.Cookies[CookieName] is { Length: > 0 } value ? [.. value.Split('.', StringSplitOptions.RemoveEmptyEntries)] : [];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Route, MarkRead).RequireAuthorization(Auth.ConsoleAuth.Policy).WithMetadata(Auth.ConsoleEndpointMetadata.Instance)
            .WithName("MarkNotificationsRead").WithTags("Console");

    /// <summary>Form field <c>keys</c>: the keys shown (newline separated). Back to the notifications page.</summary>
    private static IResult MarkRead(HttpContext http, IFormCollection form)
    {
        var marks = From(http).ToList();
        foreach (var key in form["keys"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var mark = Mark(key);
            if (!marks.Contains(mark))
            {
                marks.Add(mark);
            }
        }

        http.Response.Cookies.Append(CookieName, string.Join('.', marks.TakeLast(Keep)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Path = http.Request.PathBase.HasValue ? http.Request.PathBase.Value : "/",
        });
        return Results.Redirect($"{http.Request.PathBase}/notifications");
    }
}
