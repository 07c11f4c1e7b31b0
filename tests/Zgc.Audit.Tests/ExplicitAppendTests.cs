using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Audit.Tests;

/// <summary>Domain code and consumers append through <see cref="IAuditLog"/>, into the same chain as the requests.</summary>
public sealed class ExplicitAppendTests : IAsyncLifetime
{
    private readonly AuditedIntakeApp _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_explicit_entry_is_an_event_in_the_service_chain_with_the_current_trace()
    {
        using var applicant = _app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        (await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();

        using var activity = new Activity("consume").SetIdFormat(ActivityIdFormat.W3C).Start();
        var log = _app.Services.GetRequiredKeyedService<IAuditLog>("intake");
        var stored = await log.AppendAsync(new AuditRecord
        {
            Action = "unit-debarred",
            UserId = "committee-1",
            UserName = "委员会办公室",
            Roles = [Roles.CommitteeOfficer],
            Target = new Dictionary<string, string?> { ["uscc"] = IntakePayloads.DefaultUnit },
            Detail = "失信记录 / debarred until 2029-12-31",
        }, Ct);

        Assert.Equal("intake", log.Service);
        Assert.Equal(2, stored.Sequence);
        var entry = (await _app.Entries())[1];
        Assert.Equal((AuditKinds.Event, "unit-debarred", (string?)null, (int?)null), (entry.Kind, entry.Action, entry.Method, entry.StatusCode));
        Assert.Equal("uscc=" + IntakePayloads.DefaultUnit, entry.Target);
        Assert.Equal("失信记录 / debarred until 2029-12-31", entry.Detail);
        Assert.Equal(activity.TraceId.ToHexString(), entry.TraceId);
        Assert.Equal(stored.Hash, entry.Hash);
        Assert.True((await log.VerifyAsync(Ct)).Verified);
    }

    [Fact]
    public async Task An_entry_appended_within_a_service_transaction_commits_or_rolls_back_with_it()
    {
        var log = _app.Log;
        await log.AppendAsync(new AuditRecord { Action = "before" }, Ct);

        await _app.InDb<IntakeDbContext, bool>(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await log.AppendWithinAsync(db, new AuditRecord { Action = "rolled-back-decision" }, Ct);
            await transaction.RollbackAsync(Ct);
            return true;
        });
        var committed = await _app.InDb<IntakeDbContext, AuditEntry>(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var entry = await log.AppendWithinAsync(db, new AuditRecord { Action = "committed-decision", UserId = "committee-1" }, Ct);
            await transaction.CommitAsync(Ct);
            return entry;
        });
        await log.AppendAsync(new AuditRecord { Action = "after" }, Ct);

        Assert.Equal(2, committed.Sequence);
        Assert.Equal(["before", "committed-decision", "after"], (await _app.Entries()).Select(e => e.Action));
        Assert.True((await _app.Verify()).Verified);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _app.InDb<IntakeDbContext, AuditEntry>(db => log.AppendWithinAsync(db, new AuditRecord { Action = "no-transaction" }, Ct)));
    }

    [Fact]
    public async Task Hostile_text_is_stored_as_hashed_and_still_verifies()
    {
        var log = _app.Log;
        await log.AppendAsync(new AuditRecord
        {
            Action = "x\0y",
            UserId = new string('u', 1000),
            Detail = "line\nstatus:500\r\n\u202Eevil\uD800",
            Target = new Dictionary<string, string?> { ["name"] = "../../etc/passwd&a=b" },
        }, Ct);

        var entry = Assert.Single(await _app.Entries());
        Assert.Equal("x\uFFFDy", entry.Action);
        Assert.Equal(256, entry.UserId!.Length);
        Assert.Equal("name=..%2F..%2Fetc%2Fpasswd%26a%3Db", entry.Target);
        Assert.True((await _app.Verify()).Verified);
    }
}
