using Zgc.Review.Domain;

namespace Zgc.Review.Features.Experts;

public sealed record ExpertView(
    string UserId, string Name, string EmployerName, string EmployerUscc, string Title, IReadOnlyList<string> Fields, IReadOnlyList<string> SubAreas,
    IReadOnlyList<string> DeclaredConflictUsccs, bool Active, DateTimeOffset UpdatedAt)
{
    public static ExpertView From(Expert e) =>
        new(e.UserId, e.Name, e.EmployerName, e.EmployerUscc, e.Title, e.Fields, e.SubAreas, e.DeclaredConflictUsccs, e.Active, e.UpdatedAt);
}
