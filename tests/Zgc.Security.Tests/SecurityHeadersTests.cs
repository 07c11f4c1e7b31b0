using System.Net;

namespace Zgc.Security.Tests;

/// <summary>
/// Issue 11, hardening: pages carry a Content-Security-Policy — strict on the public notice pages (nothing runs, nothing
/// loads from elsewhere), and on the console as strict as a Blazor app allows — and no page may be framed or sniffed.
/// </summary>
public sealed class SecurityHeadersTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_console_sign_in_page_has_the_blazor_policy_and_cannot_be_framed()
    {
        using var browser = app.Browser();
        using var page = await browser.GetAsync("/login", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join(",", page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join(",", page.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_public_notice_pages_keep_their_own_stricter_policy()
    {
        using var anonymous = app.ClientFor(null);
        using var page = await anonymous.GetAsync("/notice/public/notices", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Single(page.Headers.GetValues("X-Content-Type-Options"));
    }
}
