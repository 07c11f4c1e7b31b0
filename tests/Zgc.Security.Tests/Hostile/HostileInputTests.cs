using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Console.Auth;
using Zgc.Notice.Calendar;
using Zgc.Notice.Domain;
using Zgc.Notice.Domain.Calendar;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Security.Tests.Hostile;

/// <summary>
/// Issue 11, part 5: every write endpoint of the standalone host (read from its endpoint data source, so a new one is
/// covered without anybody listing it) gets hostile requests as a principal the authorization matrix lets in. Each must
/// answer 4xx (never 2xx, never 5xx) with ProblemDetails when it has a body, and no table of any service's database may
/// change (<see cref="DatabaseSnapshot.Ignored"/> lists the housekeeping tables left out, and why).
/// </summary>
public sealed partial class HostileInputTests(HostileApp app) : IClassFixture<HostileApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Category", "Hostile")]
    public async Task Every_write_endpoint_refuses_hostile_input_with_4xx_ProblemDetails_and_leaves_every_database_unchanged()
    {
        var problems = new List<string>();
        var matrix = AuthorizationMatrix.Read(AuthorizationMatrix.SourcePath());
        var known = await Setup();
        // ZGC_HOSTILE_ONLY=<route prefix> narrows a developer's run to some endpoints; the suite proper takes them all.
        var only = Environment.GetEnvironmentVariable("ZGC_HOSTILE_ONLY") ?? "";
        var calls = EndpointCatalogue.Calls(app.Services).Where(HostileTargets.IsWrite).Where(c => c.Route.StartsWith(only, StringComparison.Ordinal))
            // Signing out ends the console session later calls use, so it goes last.
            .OrderBy(c => c.Route == ConsoleAuth.LogoutPath).ToList();
        Assert.True(only.Length > 0 || calls.Count > 50, $"Only {calls.Count} write endpoints found: is the catalogue reading the right host?");

        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var principal in Principal.All)
        {
            clients[principal.Name] = await Client(principal);
        }

        var targets = new List<HostileTarget>();
        var probed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            if (HostileTargets.Allowed(call, matrix) is not { } principal)
            {
                principal = await Probe(clients, call);
                probed.Add(call.Key);
            }

            targets.Add(HostileTargets.Build(call, principal, known, problems));
        }

        var before = await Quiet();
        var output = TestContext.Current.TestOutputHelper;
        var total = 0;
        var clock = Stopwatch.StartNew();
        foreach (var target in targets)
        {
            var started = clock.Elapsed;
            var cases = HostileCases.For(target).Where(c => !c.Partial || !HostileTargets.DraftEndpoints.Contains(target.Call.Key)).ToList();
            var statuses = new SortedDictionary<int, int>();
            foreach (var hostile in cases)
            {
                var (status, problem) = await Send(clients[target.Principal.Name], target, hostile);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (problem is not null)
                {
                    problems.Add($"{target.Call.Key} as {target.Principal}, {hostile.Name}: {problem}");
                }
            }

            // The endpoint's own service's database now (cheap), every database once at the end (below).
            var after = await DatabaseSnapshot.Take(app.DataDirectory, Ct, DatabaseOf(target));
            var changed = after.ChangedSince(before);
            if (changed.Count > 0)
            {
                problems.Add($"{target.Call.Key} as {target.Principal}: the database changed: {string.Join("; ", changed)}");
                before = before.With(after);
            }

            total += cases.Count;
            output?.WriteLine($"{target.Call.Key,-90} as {target.Principal.Name,-18}{(probed.Contains(target.Call.Key) ? " (probed: no matrix row)" : "")} {target.Kind,-9} {cases.Count,4} cases  "
                + string.Join(' ', statuses.Select(s => $"{s.Key}×{s.Value}")) + $"  ({(clock.Elapsed - started).TotalSeconds:F1} s)");
        }

        var end = await DatabaseSnapshot.Take(app.DataDirectory, Ct);
        var changedAnywhere = end.ChangedSince(before);
        if (changedAnywhere.Count > 0)
        {
            problems.Add($"After all endpoints, a database changed: {string.Join("; ", changedAnywhere)}");
        }

        output?.WriteLine($"Total: {total} hostile requests to {targets.Count} write endpoints in {clock.Elapsed.TotalSeconds:F0} s; {before.TableCount} tables compared.");
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join('\n', problems.Take(150)));
    }

    /// <summary>
    /// For an endpoint the matrix has no row for yet: the first principal whose plain request is not refused by
    /// authorization (401, 403 without a rule, or the console's sign-in redirect).
    /// </summary>
    private static async Task<Principal> Probe(Dictionary<string, HttpClient> clients, EndpointCall call)
    {
        foreach (var principal in Principal.All)
        {
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url()) { Content = HostileCase.Text("{}", "application/json") };
            using var response = await clients[principal.Name].SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            var location = response.Headers.Location?.OriginalString ?? "";
            var refused = response.StatusCode is HttpStatusCode.Unauthorized
                || (response.StatusCode is HttpStatusCode.Forbidden && !body.Contains("\"rule\"", StringComparison.Ordinal))
                || ((int)response.StatusCode is >= 300 and < 400 && (location.Contains("/login?", StringComparison.Ordinal) || location.Contains("/access-denied?", StringComparison.Ordinal)));
            if (!refused)
            {
                return principal;
            }
        }

        return Principal.All[0];
    }

    /// <summary>The database file of the service the route belongs to (<c>/intake/…</c> → <c>intake.db</c>); null (all) for the console's routes.</summary>
    private string? DatabaseOf(HostileTarget target)
    {
        var service = target.Call.Route.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return File.Exists(Path.Combine(app.DataDirectory, service + ".db")) ? service + ".db" : null;
    }

    /// <summary>Sends one case; returns its status and what is wrong with the answer, if anything.</summary>
    private static async Task<(int Status, string? Problem)> Send(HttpClient client, HostileTarget target, HostileCase hostile)
    {
        using var request = hostile.Build();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, Ct);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            // The in-memory server surfaces an unhandled exception of the application to the client: that is a 500.
            var inner = e.InnerException is { } i ? $" ← {i.GetType().Name}: {i.Message}" : "";
            return (599, Excerpt($"the request failed: {e.GetType().Name}: {e.Message}{inner}"));
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(Ct);
            var excerpt = Excerpt(body);
            if (code >= 500)
            {
                return (code, $"{code} server error: {excerpt}");
            }

            if (code is >= 200 and < 300)
            {
                return (code, $"{code} accepted: {excerpt}");
            }

            if (code is >= 300 and < 400)
            {
                // A page's form may answer by sending the browser back to itself with the error (post/redirect/get), but
                // never elsewhere: an open redirect would be a finding of its own.
                var location = response.Headers.Location?.OriginalString ?? "";
                return target.AnswersWithPages && location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal)
                    ? (code, null)
                    : (code, $"{code} redirect to '{location}' instead of a 4xx");
            }

            if (body.Length == 0)
            {
                return (code, null);
            }

            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (type == "application/problem+json")
            {
                return IsProblem(body, code) ? (code, null) : (code, $"{code} problem+json that is not a ProblemDetails: {excerpt}");
            }

            return target.AnswersWithPages && type == "text/html"
                ? (code, null)
                : (code, $"{code} with '{type}' instead of application/problem+json: {excerpt}");
        }
    }

    private static bool IsProblem(string body, int code)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && (!json.RootElement.TryGetProperty("status", out var status) || status.GetInt32() == code);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    /// <summary>
    /// Real records for the endpoints whose hostile requests should reach the record's own checks rather than a 404: the
    /// applicant's unit and a draft application (intake), a published notice and an objection to it (notice).
    /// Returns route values by "route prefix|parameter".
    /// </summary>
    private async Task<Dictionary<string, string>> Setup()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
        var created = await applicant.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var noticeId = await app.InDb<NoticeDbContext, Guid>(async db =>
        {
            var drafted = DateTimeOffset.UtcNow.AddDays(-3);
            var notice = PublicNotice.Draft(Guid.NewGuid(), Guid.NewGuid(), "已公示平台", "某单位", null, null, null, "异议表单", drafted);
            notice.Publish(drafted, new WorkingDayCalendar(CalendarStore.Shipped()), NoticePeriodPolicy.Default, "committee-officer-test-user");
            db.Notices.Add(notice);
            await db.SaveChangesAsync(Ct);
            return notice.Id;
        });

        using var anonymous = app.ClientFor(null);
        var objection = await anonymous.PostAsJsonAsync($"/notice/notices/{noticeId}/objections", HostileTargets.Hints["POST /notice/notices/{id:guid}/objections"](), Ct);
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        var receipt = (await objection.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receiptNumber").GetString()!;

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/intake/applications/{id:guid}|id"] = draft.ToString(),
            ["/notice/notices/{id:guid}|id"] = noticeId.ToString(),
            ["/notice/public/notices/{id:guid}|id"] = noticeId.ToString(),
            ["/notice/objections/{receiptNumber}|receiptNumber"] = receipt,
        };
    }

    /// <summary>Waits until the setup's messages have been delivered and the databases stand still; returns that state.</summary>
    private async Task<DatabaseSnapshot> Quiet()
    {
        var last = await DatabaseSnapshot.Take(app.DataDirectory, Ct);
        for (var i = 0; i < 60; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
            var now = await DatabaseSnapshot.Take(app.DataDirectory, Ct);
            if (now.ChangedSince(last).Count == 0)
            {
                return now;
            }

            last = now;
        }

        throw new TimeoutException("The databases kept changing for 30 s after the setup.");
    }

    /// <summary>
    /// A browser-like client for the principal: a bearer token for the APIs, and for a role the console cookie of the seeded
    /// user of that role, since the console's own endpoints read only their cookie.
    /// </summary>
    private Task<HttpClient> Client(Principal principal) => PrincipalClients.Create(app, principal, Ct);
}
