using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Zgc.ServiceDefaults;
using Zgc.ServiceDefaults.Limits;

namespace Zgc.Console.Auth;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, IReadOnlyList<string> Roles);

public sealed record UserListItem(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Unit, string? SubPark);

/// <summary>
/// Sign-in for API callers (<c>POST /auth/token</c>), the user list for admins, and the browser sign-in and sign-out
/// behind the <c>/login</c> page.
/// </summary>
internal static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Console");
        auth.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn).WithName("IssueToken")
            .WithSummary("Signs a built-in user in and returns a bearer token for the APIs.");
        auth.MapGet("/users", ListUsers).RequireAuthorization(Roles.Admin).WithName("ListConsoleUsers")
            .WithSummary("The built-in users and their roles (never their passwords).");

        // The browser's sign-in form. It reads the form itself and checks the antiforgery token explicitly, so a
        // stale or missing token sends the user back to the form with a message instead of a bare 400.
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn).DisableAntiforgery().WithMetadata(ConsoleEndpointMetadata.Instance)
            .ExcludeFromDescription();

        // Signing out needs no antiforgery token: the worst a forged request can do is sign the user out.
        app.MapMethods(ConsoleAuth.LogoutPath, [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<RedirectHttpResult>>)Logout).AllowAnonymous()
            .WithMetadata(ConsoleEndpointMetadata.Instance).ExcludeFromDescription();
    }

    private static Results<Ok<TokenResponse>, ProblemHttpResult> IssueToken(TokenRequest? request, ConsoleUsers users, ConsoleSignIn signIn)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName))
        {
            return Required("userName", "用户名");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return Required("password", "密码");
        }

        var user = users.Verify(request.UserName, request.Password);
        if (user is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed.",
                detail: "The user name or the password is not correct.",
                type: RuleProblem.TypeBase + "sign-in-failed",
                extensions: new Dictionary<string, object?> { ["rule"] = "sign-in-failed", ["detailZh"] = "用户名或密码不正确。" });
        }

        var token = signIn.IssueToken(user);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)signIn.TokenLifetime.TotalSeconds, user.Roles));
    }

    private static ProblemHttpResult Required(string field, string fieldZh) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request breaks a rule.",
            detail: $"'{field}' is required.",
            type: RuleProblem.TypeBase + "required",
            extensions: new Dictionary<string, object?> { ["rule"] = "required", ["field"] = field, ["detailZh"] = $"{fieldZh}（{field}）为必填项。" });

    private static Ok<List<UserListItem>> ListUsers(ConsoleUsers users) =>
        TypedResults.Ok(users.All.Select(u => new UserListItem(u.UserName, u.DisplayName, u.Roles, u.Unit, u.SubPark)).ToList());

    private static async Task<RedirectHttpResult> Login(
        HttpContext context, IAntiforgery antiforgery, ConsoleUsers users, ConsoleSignIn signIn)
    {
        var pathBase = context.Request.PathBase;
        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Redirect(pathBase + ConsoleAuth.LoginPath);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form[ConsoleAuth.ReturnUrlParameter].ToString();
        returnUrl = ConsoleAuth.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var userName = form["userName"].ToString();

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return BackToLogin(pathBase, "expired", userName, returnUrl);
        }

        var user = users.Verify(userName, form["password"].ToString());
        if (user is null)
        {
            return BackToLogin(pathBase, "invalid", userName, returnUrl);
        }

        var token = signIn.IssueToken(user);
        var properties = new AuthenticationProperties
        {
            // The cookie lives exactly as long as the token it carries, in real time as the token does (not by the
            // programme's clock, which may be simulated).
            IssuedUtc = TimeProvider.System.GetUtcNow(),
            ExpiresUtc = TimeProvider.System.GetUtcNow() + signIn.TokenLifetime,
            IsPersistent = false,
            AllowRefresh = false,
        };
        await context.SignInAsync(ConsoleAuth.Scheme, signIn.Principal(user, token), properties);
        return TypedResults.Redirect(pathBase + returnUrl);
    }

    private static RedirectHttpResult BackToLogin(PathString pathBase, string error, string userName, string returnUrl)
    {
        var query = QueryString.Create("error", error);
        if (userName.Length is > 0 and <= 100)
        {
            query = query.Add("userName", userName);
        }

        query = query.Add(ConsoleAuth.ReturnUrlParameter, returnUrl);
        return TypedResults.Redirect(pathBase + ConsoleAuth.LoginPath + query);
    }

    private static async Task<RedirectHttpResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(ConsoleAuth.Scheme);
        return TypedResults.Redirect(context.Request.PathBase + ConsoleAuth.LoginPath);
    }
}

/// <summary>
/// Marks the console's own endpoints (its pages, its Blazor hub, its sign-in form): on these, and only these, the user is
/// the one of the console's cookie. The APIs keep seeing bearer tokens only, so the cookie cannot be used to forge API calls.
/// </summary>
internal sealed class ConsoleEndpointMetadata
{
    public static ConsoleEndpointMetadata Instance { get; } = new();

    private ConsoleEndpointMetadata()
    {
    }
}
