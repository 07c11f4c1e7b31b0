using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Domain;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features.Debarments;

/// <summary>
/// The debarment list intake honours (R-A15-DEBARRED): operators read it; an administrator can add a unit whose
/// debarment was decided outside the system (e.g. before it existed), with the decision's reference.
/// </summary>
internal static class DebarmentEndpoints
{
    public sealed record Request(string? UnitUscc, string? UnitName, string? Reason, string? DecisionReference, DateTimeOffset? DebarredAt);

    public sealed record DebarmentView(string UnitUscc, string UnitName, string Reason, string DecisionReference, string DecidedBy,
        DateTimeOffset DebarredAt, string Source, Guid? ApplicationId, DateTimeOffset RecordedAt)
    {
        public static DebarmentView From(Debarment d) =>
            new(d.UnitUscc, d.UnitName, d.Reason, d.DecisionReference, d.DecidedBy, d.DebarredAt, d.Source, d.ApplicationId, d.RecordedAt);
    }

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/debarments", List).RequireOperators().WithName("ListDebarments");
        group.MapPost("/debarments", Add).RequireRoles(Roles.Admin).WithName("AddDebarment");
    }

    private static async Task<Ok<List<DebarmentView>>> List(IntakeDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.Debarments.AsNoTracking().OrderBy(d => d.UnitUscc).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(DebarmentView.From).ToList());
    }

    private static async Task<Created<DebarmentView>> Add(Request request, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var uscc = Uscc.Normalize(request.UnitUscc, "unitUscc");
        var reason = Required(request.Reason, "reason", "reason", "理由", 4000);
        var reference = Required(request.DecisionReference, "decisionReference", "decision reference", "决定文号", 200);
        if (await db.Debarments.AnyAsync(d => d.UnitUscc == uscc, cancellationToken))
        {
            throw new RuleViolationException("unitUscc", Debarment.Rule, $"The unit {uscc} is already debarred.", $"单位{uscc}已在取消资格名单中。",
                RuleViolationException.ConflictStatus);
        }

        var now = clock.GetUtcNow();
        var name = request.UnitName?.Trim() is { Length: > 0 and <= 200 } given ? given
            : (await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Uscc == uscc, cancellationToken))?.Name ?? "";
        var debarment = Debarment.Create(uscc, name, reason, reference, user.UserId(), request.DebarredAt ?? now, "admin", null, now);
        db.Debarments.Add(debarment);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created("/intake/debarments", DebarmentView.From(debarment));
    }

    private static string Required(string? value, string field, string en, string zh, int max) =>
        value?.Trim() is { Length: > 0 } text && text.Length <= max
            ? text
            : throw new RuleViolationException(field, Debarment.Rule, $"The {en} is required (at most {max} characters).", $"须填写{zh}（不超过{max}个字符）。");
}
