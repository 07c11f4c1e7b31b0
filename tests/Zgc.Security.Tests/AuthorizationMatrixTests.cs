using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Zgc.Console.Auth;

namespace Zgc.Security.Tests;

/// <summary>
/// Calls every endpoint of the standalone host (all six services, the console, health and OpenAPI) as nobody and as
/// each role, and compares who gets past authorization with the reviewed <c>authorization-matrix.csv</c>. Route
/// parameters are fresh GUIDs or placeholders and bodies are <c>{}</c>, so a call that is let in usually ends in 400
/// or 404; what matters is the class: 401 (nobody signed in) or 403 (role refused) or a console redirect to sign-in
/// or access-denied is <c>deny</c>, anything else is <c>allow</c>, and 5xx fails the test outright.
/// Regenerate the file with <c>ZGC_WRITE_MATRIX=1 dotnet test tests/Zgc.Security.Tests --filter AuthorizationMatrix</c>,
/// then review the diff against the roles' duties before committing it.
/// </summary>
public sealed class AuthorizationMatrixTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-OPS")]
    public async Task Every_endpoint_admits_exactly_the_principals_of_the_reviewed_matrix()
    {
        var calls = EndpointCatalogue.Calls(app.Services);
        Assert.NotEmpty(calls);

        var observed = new AuthorizationMatrix();
        var serverErrors = new List<string>();
        var evidence = new Dictionary<(string Key, string Principal), (string? Outcome, string Status)>();
        foreach (var principal in Principal.All)
        {
            using var client = await PrincipalClients.Create(app, principal, Ct);
            // Signing out ends the console session the later calls need, so it goes last.
            foreach (var call in calls.OrderBy(c => c.Route == ConsoleAuth.LogoutPath))
            {
                var result = await Call(client, call);
                evidence[(call.Key, principal.Name)] = result;
                if (result.Outcome is null)
                {
                    serverErrors.Add($"{call.Key} as {principal}: {result.Status}");
                }
            }
        }

        foreach (var call in calls)
        {
            observed.Add(new AuthorizationMatrix.Row(call.Method, call.Route,
                Principal.All.ToDictionary(p => p.Name, p => evidence[(call.Key, p.Name)].Outcome ?? "error")));
        }

        // The status behind every cell, for whoever reviews a change of the file (not compared).
        var statusPath = Path.Combine(AppContext.BaseDirectory, "authorization-matrix.observed.txt");
        await File.WriteAllLinesAsync(statusPath, calls.Select(c =>
            $"{c.Key} [{c.Endpoint.DisplayName}]: " + string.Join(", ", Principal.All.Select(p => $"{p.Name}={evidence[(c.Key, p.Name)].Status}"))), Ct);

        Assert.True(serverErrors.Count == 0, "Server errors (every call must answer below 500):\n" + string.Join('\n', serverErrors));

        var path = AuthorizationMatrix.SourcePath();
        if (Environment.GetEnvironmentVariable(AuthorizationMatrix.WriteVariable) == "1")
        {
            var notes = File.Exists(path) ? File.ReadAllLines(path).Where(l => l.StartsWith('#')).Select(l => l.StartsWith("# ", StringComparison.Ordinal) ? l[2..] : l.TrimStart('#')).ToList() : [];
            observed.Write(path, notes.Count > 0 ? notes : DefaultNotes);
            TestContext.Current.SendDiagnosticMessage($"Wrote {observed.Rows.Count} rows to {path}; review the diff before committing.");
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; write it with {AuthorizationMatrix.WriteVariable}=1 and review it.");
        var expected = AuthorizationMatrix.Read(path);
        var problems = Compare(expected, observed, evidence);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_endpoints_left_out_of_the_matrix_are_only_static_files_read_with_GET()
    {
        var source = app.Services.GetService(typeof(Microsoft.AspNetCore.Routing.EndpointDataSource)) as Microsoft.AspNetCore.Routing.EndpointDataSource;
        Assert.NotNull(source);
        var left = source.Endpoints.Where(EndpointCatalogue.IsStaticAsset).ToList();
        foreach (var endpoint in left)
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? [];
            Assert.True(methods.Count > 0 && methods.All(m => m is "GET" or "HEAD"), $"{endpoint.DisplayName} answers {string.Join('/', methods)}");
        }

        // Everything else is a route endpoint in the matrix.
        var routed = source.Endpoints.Where(e => !EndpointCatalogue.IsStaticAsset(e)).ToList();
        Assert.All(routed, e => Assert.IsType<Microsoft.AspNetCore.Routing.RouteEndpoint>(e));
    }

    [Fact]
    public async Task A_missing_row_and_a_stale_row_are_both_reported_with_a_suggested_row()
    {
        var calls = EndpointCatalogue.Calls(app.Services);
        var real = calls.First(c => c.Route == "/workflows/instances" && c.Method == "GET");
        var observed = new AuthorizationMatrix();
        var evidence = new Dictionary<(string Key, string Principal), (string? Outcome, string Status)>();
        foreach (var principal in Principal.All)
        {
            using var client = await PrincipalClients.Create(app, principal, Ct);
            evidence[(real.Key, principal.Name)] = await Call(client, real);
        }

        observed.Add(new AuthorizationMatrix.Row(real.Method, real.Route, Principal.All.ToDictionary(p => p.Name, p => evidence[(real.Key, p.Name)].Outcome!)));
        var expected = new AuthorizationMatrix();
        expected.Add(new AuthorizationMatrix.Row("GET", "/no/such/endpoint", Principal.All.ToDictionary(p => p.Name, _ => AuthorizationMatrix.Deny)));

        var problems = Compare(expected, observed, evidence);

        Assert.Contains(problems, p => p.Contains("GET /workflows/instances has no row", StringComparison.Ordinal)
            && p.Contains("GET,/workflows/instances,deny,deny,deny,allow,deny,deny,deny,allow,allow", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("GET /no/such/endpoint", StringComparison.Ordinal) && p.Contains("no longer exists", StringComparison.Ordinal));
    }

    private static readonly string[] DefaultNotes =
    [
        "Authorization matrix of the standalone host: one row per endpoint (method, route pattern), one column per principal.",
        "allow = gets past authorization (any answer but 401/403 or a console redirect to sign-in/access-denied); deny = refused.",
        "Checked by AuthorizationMatrixTests; regenerate with ZGC_WRITE_MATRIX=1 and review every changed cell against the roles' duties.",
    ];

    /// <summary>Calls once; returns the class (null for a server error) and the status line kept as evidence.</summary>
    private static async Task<(string? Outcome, string Status)> Call(HttpClient client, EndpointCall call)
    {
        var method = call.Method == EndpointCatalogue.AnyMethod ? HttpMethod.Get : new HttpMethod(call.Method);
        using var request = new HttpRequestMessage(method, call.Url());
        if (method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch)
        {
            // An endpoint that declares what it accepts (a CSV import, a multipart upload) gets that content type, so
            // routing's content-type check (415) cannot answer before authorization has had its say.
            var accepts = call.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault(t => !t.Contains('*', StringComparison.Ordinal));
            request.Content = accepts is null || accepts.Contains("json", StringComparison.OrdinalIgnoreCase)
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new StringContent("", Encoding.UTF8, accepts);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        var code = (int)response.StatusCode;
        if (code >= 500)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            return (null, $"{code} {body[..Math.Min(body.Length, 300)]}");
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized)
        {
            return (AuthorizationMatrix.Deny, "401");
        }

        if (response.StatusCode is HttpStatusCode.Forbidden)
        {
            // A domain rule may answer 403 with a ProblemDetails naming the rule: that call was let in and then refused.
            var body = await response.Content.ReadAsStringAsync(Ct);
            return body.Contains("\"rule\"", StringComparison.Ordinal) ? (AuthorizationMatrix.Allow, "403 rule") : (AuthorizationMatrix.Deny, "403");
        }

        if (code is >= 300 and < 400 && response.Headers.Location is { } location && IsConsoleChallenge(location))
        {
            return (AuthorizationMatrix.Deny, $"{code} → {location.OriginalString}");
        }

        return (AuthorizationMatrix.Allow, code.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The console cookie's challenge and forbid: to /login or /access-denied, with the page asked for as returnUrl.</summary>
    private static bool IsConsoleChallenge(Uri location)
    {
        var text = location.OriginalString;
        return (text.StartsWith("/login?", StringComparison.Ordinal) || text.StartsWith("/access-denied?", StringComparison.Ordinal)
            || text.Contains("/login?", StringComparison.Ordinal) || text.Contains("/access-denied?", StringComparison.Ordinal))
            && text.Contains("returnUrl=", StringComparison.Ordinal) && !text.Contains("error=", StringComparison.Ordinal);
    }

    private static List<string> Compare(AuthorizationMatrix expected, AuthorizationMatrix observed, Dictionary<(string Key, string Principal), (string? Outcome, string Status)> evidence)
    {
        var problems = new List<string>();
        foreach (var row in observed.Rows)
        {
            if (expected.Find(row.Key) is not { } wanted)
            {
                problems.Add($"{row.Key} has no row in {AuthorizationMatrix.FileName}: a new endpoint must be reviewed. Observed (suggested row): {row.ToCsv()}");
                continue;
            }

            foreach (var principal in Principal.All)
            {
                var want = wanted.Cells[principal.Name];
                var got = row.Cells[principal.Name];
                if (want != got)
                {
                    problems.Add($"{row.Key} as {principal}: expected {want}, observed {got} ({evidence[(row.Key, principal.Name)].Status}).");
                }
            }
        }

        problems.AddRange(expected.Rows.Where(r => observed.Find(r.Key) is null)
            .Select(r => $"{r.Key} has a row in {AuthorizationMatrix.FileName} but no longer exists: remove the row ({r.ToCsv()})."));
        return problems;
    }

}
