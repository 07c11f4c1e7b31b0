using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Audit.Tests;

/// <summary>The intake service host (its own Program, so its own AddAudit/MapAudit lines), with helpers to read its audit log.</summary>
public class AuditedIntakeApp : ServiceAppFactory<Zgc.Intake.Program>
{
    public const string Service = "intake";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public IAuditLog Log => Services.GetRequiredKeyedService<IAuditLog>(Service);

    /// <summary>All entries, oldest first, as an admin reads them over HTTP.</summary>
    public async Task<List<AuditEntryView>> Entries(string query = "")
    {
        using var admin = ClientFor(Roles.Admin);
        var page = await admin.GetFromJsonAsync<List<AuditEntryView>>($"/intake/audit?pageSize=500{query}", Ct);
        return [.. page!.OrderBy(e => e.Sequence)];
    }

    public async Task<AuditVerification> Verify()
    {
        using var admin = ClientFor(Roles.Admin);
        return (await admin.GetFromJsonAsync<AuditVerification>("/intake/audit/verify", Ct))!;
    }

    /// <summary>Runs raw SQL on the service's database, as someone with access to it (not through the code) could.</summary>
    public async Task Sql(string sql)
    {
        await using var db = Services.GetRequiredKeyedService<AuditLog>(Service).Store.Open();
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }
}
