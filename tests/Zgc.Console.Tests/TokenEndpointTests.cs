using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Zgc.Console.Auth;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Tests;

/// <summary><c>POST /auth/token</c> and <c>GET /auth/users</c>: how API callers sign in with the built-in users.</summary>
public sealed class TokenEndpointTests(ConsoleApp app) : IClassFixture<ConsoleApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Good_credentials_return_a_bearer_token_whose_claims_carry_the_role_and_unit()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/auth/token", new { userName = "applicant", password = ConsoleApp.DevPassword }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(Ct);
        Assert.NotNull(body);
        Assert.Equal("Bearer", body.TokenType);
        Assert.True(body.ExpiresIn > 0);
        Assert.Equal([Roles.Applicant], body.Roles);

        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(body.AccessToken);
        Assert.Equal("applicant", jwt.GetClaim(ZgcClaims.Subject).Value);
        Assert.Equal("北京示例科技有限公司申报人", jwt.GetClaim(ZgcClaims.Name).Value);
        Assert.Equal(Roles.Applicant, jwt.GetClaim(ZgcClaims.Role).Value);
        Assert.Equal(ConsoleUsers.SeededApplicantUnit, jwt.GetClaim(ZgcClaims.Unit).Value);
        Assert.False(jwt.TryGetClaim(ZgcClaims.SubPark, out _));
    }

    [Fact]
    public async Task A_sub_park_officer_token_carries_the_sub_park()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/auth/token", new { userName = "subpark-haidian", password = ConsoleApp.DevPassword }, Ct);

        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(Ct);
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(body!.AccessToken);
        Assert.Equal(Roles.SubParkOfficer, jwt.GetClaim(ZgcClaims.Role).Value);
        Assert.Equal("haidian", jwt.GetClaim(ZgcClaims.SubPark).Value);
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("nobody", ConsoleApp.DevPassword)]
    [InlineData("ADMIN", "ZGC-DEV-PASSWORD")]
    public async Task Wrong_credentials_are_401_without_saying_which_part_was_wrong(string userName, string password)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/auth/token", new { userName, password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("sign-in-failed", problem.RootElement.GetProperty("rule").GetString());
        Assert.Equal("The user name or the password is not correct.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task User_names_are_not_case_sensitive()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/auth/token", new { userName = "Committee", password = ConsoleApp.DevPassword }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_password_is_400_naming_the_field()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/auth/token", new { userName = "admin" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("password", problem.RootElement.GetProperty("field").GetString());
        Assert.Contains("密码", problem.RootElement.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_list_the_users_and_their_roles_without_passwords()
    {
        using var admin = app.ClientFor(Roles.Admin);
        var response = await admin.GetAsync("/auth/users", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("password", json, StringComparison.OrdinalIgnoreCase);
        var users = JsonSerializer.Deserialize<List<UserListItem>>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(["applicant", "subpark-haidian", "committee", "expert", "expert-2", "expert-3", "expert-4", "expert-5", "finance-preparer",
            "finance-approver", "monitoring", "admin"], users.Select(u => u.UserName));
        Assert.Equal(Roles.All.Order(), users.SelectMany(u => u.Roles).Distinct().Order());
    }

    [Fact]
    public async Task Applicants_may_not_list_the_users()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: ConsoleUsers.SeededApplicantUnit);
        var response = await applicant.GetAsync("/auth/users", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_may_not_list_the_users()
    {
        using var anonymous = app.ClientFor(null);
        var response = await anonymous.GetAsync("/auth/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_issued_token_is_accepted_by_the_APIs()
    {
        using var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/auth/token", new { userName = "admin", password = ConsoleApp.DevPassword }, Ct);
        var body = await token.Content.ReadFromJsonAsync<TokenResponse>(Ct);

        client.DefaultRequestHeaders.Authorization = new("Bearer", body!.AccessToken);
        var response = await client.GetAsync("/auth/users", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
