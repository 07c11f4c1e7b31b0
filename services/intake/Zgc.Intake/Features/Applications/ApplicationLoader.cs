using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Domain;
using Zgc.Intake.Persistence;
using Zgc.Persistence;

namespace Zgc.Intake.Features.Applications;

internal static class ApplicationLoader
{
    // Compiled: every request about one application starts here (fix 16).
    private static readonly ModelCompiledQuery<IntakeDbContext, Guid, Application?> ById = new((db, id, _) => db.Applications.SingleOrDefault(a => a.Id == id));

    // Compiled: every view of an application reads its current version with it (docs/performance.md, fix 47).
    private static readonly ModelCompiledQuery<IntakeDbContext, Guid, int, ApplicationVersion?> VersionQuery =
        new((db, id, number, _) => db.ApplicationVersions.AsNoTracking().SingleOrDefault(v => v.ApplicationId == id && v.Number == number));

    /// <summary>The application when the caller may see it, otherwise null (answered as 404).</summary>
    public static async Task<Application?> Visible(IntakeDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var application = await ById.Run(db, id, cancellationToken);
        return application is not null && ApplicationAccess.CanSee(user, application) ? application : null;
    }

    public static Task<ApplicationVersion?> Version(IntakeDbContext db, Guid id, int number, CancellationToken cancellationToken) =>
        number == 0
            ? Task.FromResult<ApplicationVersion?>(null)
            : VersionQuery.Run(db, id, number, cancellationToken);

    public static async Task<ApplicationView> View(IntakeDbContext db, Application application, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApplicationView.From(application, await Version(db, application.Id, application.CurrentVersion, cancellationToken), user);
}
