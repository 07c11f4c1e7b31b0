using System.Net;
using Zgc.ServiceDefaults;

namespace Zgc.Audit.Tests;

/// <summary>Only operators (committee and monitoring officers, admins) read the log or verify it.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private readonly AuditedIntakeApp _app = new();

    public static TheoryData<string?, HttpStatusCode> Callers => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { Roles.Applicant, HttpStatusCode.Forbidden },
        { Roles.SubParkOfficer, HttpStatusCode.Forbidden },
        { Roles.Expert, HttpStatusCode.Forbidden },
        { Roles.FinancePreparer, HttpStatusCode.Forbidden },
        { Roles.FinanceApprover, HttpStatusCode.Forbidden },
        { Roles.CommitteeOfficer, HttpStatusCode.OK },
        { Roles.MonitoringOfficer, HttpStatusCode.OK },
        { Roles.Admin, HttpStatusCode.OK },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Only_operators_may_search_or_verify(string? role, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.ClientFor(role);

        Assert.Equal(expected, (await client.GetAsync("/intake/audit", ct)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/intake/audit/verify", ct)).StatusCode);
    }

    [Fact]
    public async Task The_log_cannot_be_written_or_deleted_over_HTTP()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = _app.ClientFor(Roles.Admin);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.PostAsync("/intake/audit", new StringContent("{}"), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync("/intake/audit", ct)).StatusCode);
    }
}
