using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Domain;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Review.Features.Experts;

/// <summary>The expert pool (专家库): committee officers and admins keep it; operators read it.</summary>
internal static class ExpertEndpoints
{
    public sealed record ExpertRequest(
        string? UserId, string? Name, string? EmployerName, string? EmployerUscc, string? Title, IReadOnlyList<string>? Fields,
        IReadOnlyList<string>? SubAreas, IReadOnlyList<string>? DeclaredConflictUsccs, bool? Active)
    {
        public ExpertDetails Details() => new(UserId, Name, EmployerName, EmployerUscc, Title, Fields, SubAreas, DeclaredConflictUsccs, Active ?? true);
    }

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/experts", Upsert).RequireRoles(Roles.CommitteeOfficer, Roles.Admin).WithName("SaveExpert");
        group.MapPost("/experts/import", ExpertImport.Handle).RequireRoles(Roles.CommitteeOfficer, Roles.Admin).WithName("ImportExperts")
            .Accepts<string>("text/csv");
        group.MapGet("/experts", List).RequireOperators().WithName("ListExperts");
        group.MapGet("/experts/{userId}", Get).RequireOperators().WithName("GetExpert");
    }

    /// <summary>Adds the expert or replaces their details (keyed by user id).</summary>
    private static async Task<Ok<ExpertView>> Upsert(ExpertRequest request, ReviewDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var details = request.Details();
        var userId = details.UserId?.Trim();
        var expert = userId is null ? null : await db.Experts.SingleOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        if (expert is null)
        {
            expert = Expert.Create(details with { UserId = userId }, clock.GetUtcNow());
            db.Experts.Add(expert);
        }
        else
        {
            expert.Update(details, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ExpertView.From(expert));
    }

    private static async Task<Ok<List<ExpertView>>> List(string? field, bool? active, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Experts.AsNoTracking();
        if (active is { } wanted)
        {
            query = query.Where(e => e.Active == wanted);
        }

        var experts = await query.OrderBy(e => e.UserId).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(field))
        {
            // Fields are a list column (JSON or array by provider): filtered here rather than in SQL.
            experts = [.. experts.Where(e => e.Fields.Contains(field.Trim(), StringComparer.OrdinalIgnoreCase))];
        }

        return TypedResults.Ok(experts.Select(ExpertView.From).ToList());
    }

    private static async Task<Results<Ok<ExpertView>, NotFound>> Get(string userId, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        return expert is null ? TypedResults.NotFound() : TypedResults.Ok(ExpertView.From(expert));
    }
}
