using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Monitoring.Features;

public sealed record ReferenceFigureView(int Year, int AverageRdIntensityBasisPoints, string SetBy, DateTimeOffset SetAt)
{
    public static ReferenceFigureView From(ReferenceFigure f) => new(f.Year, f.AverageRdIntensityBasisPoints, f.SetBy, f.SetAt);
}

/// <summary>The ZGC average R&amp;D intensity per year, maintained by an admin (R-A8-RD).</summary>
internal static class ReferenceFigures
{
    /// <summary>The figure is required: a body without it must not set the year's average to zero.</summary>
    public sealed record Request([property: JsonRequired] int AverageRdIntensityBasisPoints);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/reference-figures", List).RequireOperators().WithName("ListReferenceFigures");
        group.MapPut("/reference-figures/{year:int}", Set).RequireRoles(Roles.Admin).WithName("SetReferenceFigure");
    }

    private static async Task<Ok<List<ReferenceFigureView>>> List(MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var figures = await db.ReferenceFigures.AsNoTracking().OrderBy(f => f.Year).ToListAsync(cancellationToken);
        return TypedResults.Ok(figures.Select(ReferenceFigureView.From).ToList());
    }

    private static async Task<Ok<ReferenceFigureView>> Set(int year, Request request, ClaimsPrincipal user, MonitoringDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var figure = await db.ReferenceFigures.SingleOrDefaultAsync(f => f.Year == year, cancellationToken);
        if (figure is null)
        {
            figure = ReferenceFigure.Create(year, request.AverageRdIntensityBasisPoints, user.UserId(), clock.GetUtcNow());
            db.ReferenceFigures.Add(figure);
        }
        else
        {
            figure.Change(request.AverageRdIntensityBasisPoints, user.UserId(), clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReferenceFigureView.From(figure));
    }
}
