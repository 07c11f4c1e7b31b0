using System.Security.Cryptography;
using System.Text;

namespace Zgc.Audit.Tests;

/// <summary>The canonical form and hash are exactly what docs/audit.md says, so anyone can re-check a chain without our code.</summary>
public class CanonicalFormTests
{
    private static AuditEntry Sample(string? detail = "批准\nstatus:200", string? userName = null) => new()
    {
        Service = "intake",
        Sequence = 7,
        OccurredAt = new DateTimeOffset(2026, 3, 1, 16, 30, 5, 123, 456, TimeSpan.FromHours(8)),
        Kind = AuditKinds.Event,
        UserId = "u-1",
        UserName = userName,
        Roles = "admin,committee-officer",
        Action = "committee-decision",
        Target = "applicationId=5f0c",
        StatusCode = 200,
        TraceId = "0af7651916cd43dd8448eb211c80319c",
        Detail = detail,
        PreviousHash = AuditCanonicalForm.GenesisHash,
    };

    [Fact]
    public void The_canonical_form_lists_every_field_in_the_documented_order()
    {
        const string expected = """
            zgc-audit/1
            sequence:7
            service:intake
            occurredAt:2026-03-01T08:30:05.123Z
            kind:event
            userId:u-1
            userName
            roles:admin,committee-officer
            action:committee-decision
            method
            route
            endpoint
            path
            target:applicationId=5f0c
            status:200
            requestId
            traceId:0af7651916cd43dd8448eb211c80319c
            detail:批准\nstatus:200
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), AuditCanonicalForm.Of(Sample()));
    }

    [Fact]
    public void The_hash_is_SHA256_of_the_previous_hash_a_line_feed_and_the_canonical_form_in_UTF8()
    {
        var entry = Sample();
        var bytes = Encoding.UTF8.GetBytes(AuditCanonicalForm.GenesisHash + "\n" + AuditCanonicalForm.Of(entry));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), AuditCanonicalForm.Hash(AuditCanonicalForm.GenesisHash, entry));
        Assert.Matches("^[0-9a-f]{64}$", AuditCanonicalForm.Hash(AuditCanonicalForm.GenesisHash, entry));
    }

    [Fact]
    public void Null_and_empty_values_and_a_forged_line_give_different_hashes()
    {
        var hashes = new[]
        {
            AuditCanonicalForm.Hash(AuditCanonicalForm.GenesisHash, Sample(userName: null)),
            AuditCanonicalForm.Hash(AuditCanonicalForm.GenesisHash, Sample(userName: "")),
            AuditCanonicalForm.Hash(AuditCanonicalForm.GenesisHash, Sample(detail: "批准")),
            AuditCanonicalForm.Hash(AuditCanonicalForm.GenesisHash, Sample(detail: "批准\\nstatus:200")),
        };
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Instants_are_kept_to_whole_milliseconds_in_UTC()
    {
        var instant = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);
        var truncated = AuditCanonicalForm.Truncate(instant);
        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(instant.UtcTicks - 4567, truncated.UtcTicks);
        Assert.Equal("2026-03-01T00:00:00.123Z", AuditCanonicalForm.FormatInstant(truncated));
    }

    [Fact]
    public void Text_every_engine_would_change_is_made_storable_before_hashing()
    {
        Assert.Equal("a\uFFFDb\uFFFD", AuditText.Clean("a\0b\uD800", 100));
        Assert.Equal("ab", AuditText.Clean("ab😀", 3));
        Assert.Equal("id=1&z=a%20b", AuditText.Target([new("z", "a b"), new("id", "1")]));
        Assert.Equal("admin,expert", AuditText.Roles(["expert", "admin", "expert"]));
    }
}
