namespace Zgc.Audit.Tests;

/// <summary>Changes made to the stored log behind the code's back (raw SQL) are found, at the entry where they were made.</summary>
public sealed class TamperingTests : IAsyncLifetime
{
    private readonly AuditedIntakeApp _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _app.Log.AppendAsync(new AuditRecord
            {
                Action = "committee-decision",
                UserId = "committee-" + i,
                Roles = ["committee-officer"],
                Target = new Dictionary<string, string?> { ["applicationId"] = Guid.NewGuid().ToString() },
                Detail = "approved",
            }, Ct);
        }

        Assert.True((await _app.Verify()).Verified);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_altered_field_is_reported_at_its_sequence()
    {
        await _app.Sql("UPDATE audit_entries SET detail = 'rejected' WHERE sequence = 3");

        var verification = await _app.Verify();

        Assert.False(verification.Verified);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Equal("Entry 3 was altered: its hash does not match its contents.", verification.Reason);
    }

    [Fact]
    public async Task An_altered_user_of_the_first_entry_is_reported()
    {
        await _app.Sql("UPDATE audit_entries SET user_id = 'someone-else' WHERE sequence = 1");

        Assert.Equal(1, (await _app.Verify()).FirstBrokenSequence);
    }

    [Fact]
    public async Task An_entry_rewritten_with_a_recomputed_hash_breaks_the_next_link()
    {
        var entry = (await _app.Entries()).Single(e => e.Sequence == 2);
        var forged = new AuditEntry
        {
            Service = "intake", Sequence = 2, OccurredAt = entry.OccurredAt, Kind = entry.Kind, UserId = "someone-else", UserName = entry.UserName,
            Roles = string.Join(',', entry.Roles), Action = entry.Action, Target = entry.Target, Detail = entry.Detail, TraceId = entry.TraceId,
            PreviousHash = entry.PreviousHash,
        };
        var hash = AuditCanonicalForm.Hash(entry.PreviousHash, forged);
        await _app.Sql($"UPDATE audit_entries SET user_id = 'someone-else', hash = '{hash}' WHERE sequence = 2");

        var verification = await _app.Verify();

        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.StartsWith("Entry 3 does not link to entry 2", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_as_missing()
    {
        await _app.Sql("DELETE FROM audit_entries WHERE sequence = 4");

        var verification = await _app.Verify();

        Assert.False(verification.Verified);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Equal("Entry 4 is missing: the next stored entry is 5.", verification.Reason);
    }

    [Fact]
    public async Task A_deleted_first_entry_is_reported_as_missing()
    {
        await _app.Sql("DELETE FROM audit_entries WHERE sequence = 1");

        Assert.Equal(1, (await _app.Verify()).FirstBrokenSequence);
    }

    [Fact]
    public async Task Entries_removed_from_the_end_show_as_a_different_head()
    {
        var head = await _app.Verify();
        await _app.Sql("DELETE FROM audit_entries WHERE sequence = 5");

        var after = await _app.Verify();

        // The remaining chain is intact; only a head recorded elsewhere reveals the truncation (docs/audit.md).
        Assert.True(after.Verified);
        Assert.Equal((5L, 4L), (head.LastSequence!.Value, after.LastSequence!.Value));
        Assert.NotEqual(head.LastHash, after.LastHash);
    }

    [Fact]
    public async Task Appending_after_verification_continues_the_same_chain()
    {
        var entry = await _app.Log.AppendAsync(new AuditRecord { Action = "committee-decision", UserId = "committee-6" }, Ct);

        Assert.Equal(6, entry.Sequence);
        Assert.Equal((await _app.Entries()).Single(e => e.Sequence == 5).Hash, entry.PreviousHash);
        Assert.True((await _app.Verify()).Verified);
    }
}
