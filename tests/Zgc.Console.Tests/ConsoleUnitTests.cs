using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Zgc.Console.Api;
using Zgc.Console.Auth;
using Zgc.Console.Localization;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Tests;

/// <summary>The console's small parts, without a server.</summary>
public sealed class ConsoleUnitTests
{
    private static IOptionsMonitor<ConsoleOptions> Options(ConsoleOptions options) => new StaticOptions(options);

    [Fact]
    public void Without_configured_users_every_role_has_a_seeded_user_and_a_panel_has_its_five_experts()
    {
        var users = new ConsoleUsers(Options(new ConsoleOptions()));

        Assert.Same(ConsoleUsers.Seeded, users.All);
        Assert.Equal(Roles.All.Order(), users.All.SelectMany(u => u.Roles).Distinct().Order());
        Assert.Equal(5, users.All.Count(u => u.Roles.Contains(Roles.Expert)));
        Assert.Equal("haidian", users.Find("subpark-haidian")!.SubPark);
    }

    [Fact]
    public void Configured_users_replace_the_seeded_ones_and_may_have_their_own_password()
    {
        var options = new ConsoleOptions
        {
            DevPassword = "shared-secret",
            Users =
            [
                new() { UserName = "zhang", DisplayName = "张三", Roles = [Roles.CommitteeOfficer] },
                new() { UserName = "li", Roles = [Roles.Applicant], Unit = "91110000000000000X", Password = "own-secret" },
            ],
        };
        var users = new ConsoleUsers(Options(options));

        Assert.Equal(["zhang", "li"], users.All.Select(u => u.UserName));
        Assert.Null(users.Find("admin"));
        Assert.Equal("zhang", users.Verify("zhang", "shared-secret")?.UserName);
        Assert.Null(users.Verify("li", "shared-secret"));
        Assert.Equal("91110000000000000X", users.Verify("li", "own-secret")?.Unit);
        Assert.Equal("li", users.Find("li")!.DisplayName);
    }

    [Fact]
    public void A_configured_password_hash_is_checked_with_the_Identity_hasher_and_wins_over_clear_passwords()
    {
        var hash = ConsoleUsers.HashPassword("correct horse battery staple");
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal); // Identity v3 format marker, base64
        var options = new ConsoleOptions
        {
            Users = [new() { UserName = "wang", Roles = [Roles.FinanceApprover], Password = "old-clear", PasswordHash = hash }],
        };
        var users = new ConsoleUsers(Options(options));

        Assert.Equal("wang", users.Verify("wang", "correct horse battery staple")?.UserName);
        Assert.Null(users.Verify("wang", "old-clear"));
        Assert.Null(users.Verify("wang", ConsoleOptions.DefaultDevPassword));
        Assert.True(new ConsoleOptionsValidator().Validate(null, options).Succeeded);

        options.Users[0].PasswordHash = "plain-text-is-not-a-hash";
        var refused = new ConsoleOptionsValidator().Validate(null, options);
        Assert.Contains(refused.Failures!, f => f.Contains("not an ASP.NET Core Identity v3 hash", StringComparison.Ordinal));
        Assert.Null(new ConsoleUsers(Options(options)).Verify("wang", "plain-text-is-not-a-hash"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("admin", null)]
    [InlineData("admin", "")]
    [InlineData("", ConsoleOptions.DefaultDevPassword)]
    [InlineData("admin", ConsoleOptions.DefaultDevPassword + " ")]
    public void Verification_fails_for_anything_but_the_exact_password(string? userName, string? password)
    {
        var users = new ConsoleUsers(Options(new ConsoleOptions()));

        Assert.Null(users.Verify(userName, password));
    }

    [Fact]
    public void Invalid_user_configuration_is_refused()
    {
        var options = new ConsoleOptions
        {
            ApiBaseUrl = "not a url",
            Users = [new() { UserName = "a", Roles = ["root"] }, new() { UserName = "A", Roles = [Roles.Admin] }, new() { Roles = [Roles.Admin] }],
        };

        var result = new ConsoleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("unknown role 'root'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("appears twice", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("UserName is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("ApiBaseUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/workflows?x=1", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("workflows", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_paths_of_this_site_are_return_addresses(string? url, bool local) => Assert.Equal(local, ConsoleAuth.IsLocalUrl(url));

    [Fact]
    public void A_configured_API_base_URL_wins_and_keeps_its_path()
    {
        var address = new ApiBaseAddress(Options(new ConsoleOptions { ApiBaseUrl = "http://gateway:8080/api" }), new FakeServer("http://127.0.0.1:5000"));

        Assert.Equal(new Uri("http://gateway:8080/api/"), address.Resolve());
        Assert.Equal(new Uri("http://gateway:8080/api/workflows/instances"), new Uri(address.Resolve()!, "workflows/instances"));
    }

    [Theory]
    [InlineData("http://[::]:8080", "http://localhost:8080/")]
    [InlineData("http://0.0.0.0:5000", "http://localhost:5000/")]
    [InlineData("https://localhost:7001;http://localhost:5001", "http://localhost:5001/")]
    [InlineData("https://example.test:7001", "https://example.test:7001/")]
    public void Without_configuration_the_API_is_this_server(string listening, string expected)
    {
        var address = new ApiBaseAddress(Options(new ConsoleOptions()), new FakeServer(listening.Split(';')));

        Assert.Equal(new Uri(expected), address.Resolve());
    }

    [Fact]
    public void Without_configuration_or_addresses_there_is_no_base_address()
    {
        var address = new ApiBaseAddress(Options(new ConsoleOptions()), new FakeServer());

        Assert.Null(address.Resolve());
    }

    [Fact]
    public void Texts_are_Chinese_first_with_English_and_show_unknown_keys_as_themselves()
    {
        Assert.Equal("流程实例", UiText.For(null)["workflows.title"]);
        Assert.Equal("Lifecycle instances", UiText.For("en-US")["workflows.title"]);
        Assert.Equal("no.such.key", UiText.Chinese["no.such.key"]);
        Assert.Equal("公示中", UiText.Chinese.State("InNotice"));
        Assert.Equal("SomeNewState", UiText.English.State("SomeNewState"));
        Assert.Equal("2026-03-09 10:30", UiText.Chinese.Time(new DateTimeOffset(2026, 3, 9, 2, 30, 0, TimeSpan.Zero)));
    }

    private sealed class StaticOptions(ConsoleOptions value) : IOptionsMonitor<ConsoleOptions>
    {
        public ConsoleOptions CurrentValue => value;

        public ConsoleOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ConsoleOptions, string?> listener) => null;
    }

    private sealed class FakeServer : IServer
    {
        public FakeServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses)
            {
                feature.Addresses.Add(a);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
