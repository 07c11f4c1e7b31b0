using Microsoft.Extensions.Options;
using Zgc.ServiceDefaults;

namespace Zgc.Testing;

/// <summary>Tokens for services running as separate processes with the development signing key.</summary>
public static class StandaloneTokens
{
    private static readonly TokenIssuer Issuer = new(Options.Create(new AuthOptions()), TimeProvider.System);

    /// <summary>A token for <paramref name="role"/>; <paramref name="user"/> names the user (default: a test user of the role).</summary>
    public static string For(string role, string? unit = null, string? subPark = null, string? user = null)
    {
        var extra = new Dictionary<string, string>();
        if (unit is not null)
        {
            extra[ZgcClaims.Unit] = unit;
        }

        if (subPark is not null)
        {
            extra[ZgcClaims.SubPark] = subPark;
        }

        return Issuer.Issue(user ?? role + "-system-test", user ?? role, [role], extra);
    }

    /// <summary>A client of a service process; a <c>409 concurrent-change</c> is retried (<see cref="ConcurrentChangeRetry"/>).</summary>
    public static HttpClient Client(Uri baseAddress, string? role, string? unit = null, string? subPark = null, string? user = null)
    {
        // A simulated user's connection is let go soon after its step (the default keeps it a minute): the programme bench
        // walks 10,000 units, each with its own clients, and a minute of idle connections from every unit of a phase held
        // more sockets open in the standalone process than its 20,000 file descriptors allow — SQLite then failed to open
        // its files ("unable to open database file"; docs/performance.md, fix 38).
        var client = new HttpClient(new ConcurrentChangeRetry(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) }))
        {
            BaseAddress = baseAddress,
        };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", For(role, unit, subPark, user));
        }

        return client;
    }
}
