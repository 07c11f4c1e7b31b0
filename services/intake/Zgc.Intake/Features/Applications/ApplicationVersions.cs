using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Eligibility;
using Zgc.Intake.Domain.Units;
using Zgc.Intake.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features.Applications;

/// <summary>The submitted versions of an application, each unchanged since it was submitted, and what changed between two.</summary>
internal static class ApplicationVersions
{
    public sealed record VersionSummary(int Number, string SubmittedBy, DateTimeOffset SubmittedAt, bool Eligible, long TotalInvestmentFen,
        long SupportBaseFen, string CommitmentVersion);

    public sealed record VersionView(int Number, string SubmittedBy, DateTimeOffset SubmittedAt, bool Eligible, long TotalInvestmentFen,
        long SupportBaseFen, string CommitmentVersion, IReadOnlyList<RuleResult> Screening, ApplicationContent Content, UnitProfile Unit,
        IReadOnlyList<AttachmentRef> Attachments);

    /// <summary>One difference: <c>added</c>, <c>removed</c> or <c>changed</c> at a JSON path such as <c>funding[1].amountFen</c>.</summary>
    public sealed record Difference(string Path, string Change, string? Before, string? After);

    public sealed record VersionDiff(int From, int To, IReadOnlyList<Difference> Differences);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/applications/{id:guid}/versions", List).WithName("ListApplicationVersions");
        group.MapGet("/applications/{id:guid}/versions/diff", Diff).WithName("DiffApplicationVersions");
        group.MapGet("/applications/{id:guid}/versions/{number:int}", Get).WithName("GetApplicationVersion");
    }

    private static async Task<Results<Ok<List<VersionSummary>>, NotFound>> List(Guid id, ClaimsPrincipal user, IntakeDbContext db, CancellationToken cancellationToken)
    {
        if (await ApplicationLoader.Visible(db, id, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var versions = await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(v => new VersionSummary(v.Number, v.SubmittedBy, v.SubmittedAt, v.Eligible, v.TotalInvestment.Fen,
            v.SupportBase.Fen, v.CommitmentVersion)).ToList());
    }

    private static async Task<Results<Ok<VersionView>, NotFound>> Get(Guid id, int number, ClaimsPrincipal user, IntakeDbContext db, CancellationToken cancellationToken)
    {
        if (await ApplicationLoader.Visible(db, id, user, cancellationToken) is null
            || await ApplicationLoader.Version(db, id, number, cancellationToken) is not { } v)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new VersionView(v.Number, v.SubmittedBy, v.SubmittedAt, v.Eligible, v.TotalInvestment.Fen, v.SupportBase.Fen,
            v.CommitmentVersion, v.Screening, v.Content, v.Unit, v.Attachments));
    }

    /// <summary>Differences from version <paramref name="from"/> (default: the one before <paramref name="to"/>) to <paramref name="to"/> (default: the latest).</summary>
    private static async Task<Results<Ok<VersionDiff>, NotFound>> Diff(Guid id, ClaimsPrincipal user, IntakeDbContext db,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken, int? from = null, int? to = null)
    {
        if (await ApplicationLoader.Visible(db, id, user, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var toNumber = to ?? application.CurrentVersion;
        var fromNumber = from ?? toNumber - 1;
        if (fromNumber < 1 || fromNumber >= toNumber || toNumber > application.CurrentVersion)
        {
            throw new RuleViolationException("from", "versions",
                $"Compare two submitted versions with 1 ≤ from < to ≤ {application.CurrentVersion}.",
                $"请比较两个已提交的版本：1 ≤ from < to ≤ {application.CurrentVersion}。");
        }

        var older = await ApplicationLoader.Version(db, id, fromNumber, cancellationToken);
        var newer = await ApplicationLoader.Version(db, id, toNumber, cancellationToken);
        var options = json.Value.SerializerOptions;
        var before = Flatten(Snapshot(older!, options));
        var after = Flatten(Snapshot(newer!, options));
        var differences = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(path => (path, had: before.TryGetValue(path, out var b), b, has: after.TryGetValue(path, out var a), a))
            .Where(x => !(x.had && x.has && x.b == x.a))
            .Select(x => new Difference(x.path, !x.had ? "added" : !x.has ? "removed" : "changed", x.had ? x.b : null, x.has ? x.a : null))
            .ToList();
        return TypedResults.Ok(new VersionDiff(fromNumber, toNumber, differences));
    }

    private static JsonNode Snapshot(ApplicationVersion v, JsonSerializerOptions options) => new JsonObject
    {
        ["content"] = JsonSerializer.SerializeToNode(v.Content, options),
        ["unit"] = JsonSerializer.SerializeToNode(v.Unit, options),
        ["attachments"] = JsonSerializer.SerializeToNode(v.Attachments, options),
    };

    private static Dictionary<string, string> Flatten(JsonNode root)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", leaves);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", leaves);
                }

                break;
            case null:
                break;
            default:
                leaves[path] = node.ToJsonString();
                break;
        }
    }
}
