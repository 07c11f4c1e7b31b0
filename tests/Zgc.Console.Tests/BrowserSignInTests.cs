using System.Net;
using Zgc.Console.Auth;
using Zgc.Console.Localization;

namespace Zgc.Console.Tests;

/// <summary>The browser's way in: the /login form, the console cookie, and pages that need it.</summary>
public sealed class BrowserSignInTests(ConsoleApp app) : IClassFixture<ConsoleApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_login_page_renders_the_form_in_Chinese()
    {
        using var browser = app.Browser();
        var response = await browser.GetAsync("/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleApp.Html(response);
        Assert.Contains("id=\"username\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"login-submit\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>登录</h1>", html, StringComparison.Ordinal);
        ConsoleApp.AntiforgeryToken(html);
    }

    [Fact]
    public async Task Lang_en_switches_to_English_and_is_remembered()
    {
        using var browser = app.Browser();
        var first = await browser.GetAsync("/login?lang=en", Ct);
        Assert.Contains("<h1>Sign in</h1>", await ConsoleApp.Html(first), StringComparison.Ordinal);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(UiLanguage.CookieName + "=en", StringComparison.Ordinal));

        var next = await browser.GetAsync("/login", Ct);
        Assert.Contains("<html lang=\"en\">", await ConsoleApp.Html(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visit_to_workflows_is_sent_to_login()
    {
        using var browser = app.Browser();
        var response = await browser.GetAsync("/workflows", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fworkflows", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_sets_the_cookie_and_workflows_renders_with_an_API_error_instead_of_crashing()
    {
        using var browser = app.Browser();
        var signIn = await ConsoleApp.SignIn(browser, "committee", returnUrl: "/workflows");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/workflows", signIn.Headers.Location!.OriginalString);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal));

        var page = await browser.GetAsync("/workflows", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await ConsoleApp.Html(page);
        Assert.Contains("<h1>流程实例</h1>", html, StringComparison.Ordinal);
        // No workflows service runs in this test: the API answers 404, and the page says so.
        Assert.Contains("data-testid=\"api-error\"", html, StringComparison.Ordinal);
        Assert.Contains("data-error-kind=\"NotFound\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-workflows\"", html, StringComparison.Ordinal);
        Assert.Contains("中关村管委会工作人员", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_returns_to_the_form_with_a_message_and_no_cookie()
    {
        using var browser = app.Browser();
        var signIn = await ConsoleApp.SignIn(browser, "committee", "not-the-password", "/workflows");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/login?error=invalid", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(ConsoleAuth.CookieName + "=", StringComparison.Ordinal)));

        var form = await browser.GetAsync(signIn.Headers.Location, Ct);
        var html = await ConsoleApp.Html(form);
        Assert.Contains("data-testid=\"login-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"committee\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"/workflows\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_does_not_sign_in()
    {
        using var browser = app.Browser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = ConsoleApp.DevPassword });
        var response = await browser.PostAsync("/auth/login", form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?error=expired", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_return_address_must_be_on_this_site(string returnUrl)
    {
        using var browser = app.Browser();
        var signIn = await ConsoleApp.SignIn(browser, "admin", returnUrl: returnUrl);

        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_home_page_shows_the_user_and_only_the_pages_of_the_role()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "applicant");

        var html = await ConsoleApp.Html(await browser.GetAsync("/", Ct));
        Assert.Contains("北京示例科技有限公司申报人", html, StringComparison.Ordinal);
        Assert.Contains(ConsoleUsers.SeededApplicantUnit, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-home\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-workflows\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-users\"", html, StringComparison.Ordinal);
        // The applicant's own pages: the inbox and notifications.
        Assert.Contains("data-testid=\"home-nav-applicant\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-nav-notifications\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-pages\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_without_access_is_denied_the_workflows_page()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "applicant");

        var response = await browser.GetAsync("/workflows", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleAuth.AccessDeniedPath, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Admins_see_the_built_in_users_page()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "admin");

        var response = await browser.GetAsync("/users", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleApp.Html(response);
        Assert.Contains("data-testid=\"users-table\"", html, StringComparison.Ordinal);
        Assert.Equal(ConsoleUsers.Seeded.Count, html.Split("data-testid=\"user-row\"").Length - 1);
        Assert.DoesNotContain(ConsoleApp.DevPassword, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_cookie_is_not_accepted_by_the_APIs()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "admin");

        // Signed in as admin in the browser, but APIs take bearer tokens only: a cookie cannot be used to forge calls.
        var response = await browser.GetAsync("/auth/users", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_removes_the_cookie()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "admin");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/", Ct)).StatusCode);

        var logout = await browser.PostAsync(ConsoleAuth.LogoutPath, null, Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(ConsoleAuth.LoginPath, logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/", Ct)).StatusCode);
    }
}
