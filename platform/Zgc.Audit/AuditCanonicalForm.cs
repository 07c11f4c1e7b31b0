using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zgc.Audit;

/// <summary>
/// The exact text an entry's hash is computed over (docs/audit.md, "Canonical form"). Changing anything here breaks
/// every stored chain, so the form is versioned by its first line.
/// </summary>
public static class AuditCanonicalForm
{
    public const string Version = "zgc-audit/1";

    /// <summary>The previous hash of the first entry of a chain.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// The fields one per line, in this fixed order, joined by LF without a trailing LF: <c>name:value</c>, or the bare
    /// <c>name</c> when the value is null (so null and empty differ). In values, <c>\</c>, LF and CR are written as
    /// <c>\\</c>, <c>\n</c> and <c>\r</c>, so a value cannot forge a line. Numbers use the invariant culture; the instant is
    /// UTC ISO-8601 with three fraction digits.
    /// </summary>
    public static string Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(512).Append(Version);
        Field(text, "sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "service", entry.Service);
        Field(text, "occurredAt", FormatInstant(entry.OccurredAt));
        Field(text, "kind", entry.Kind);
        Field(text, "userId", entry.UserId);
        Field(text, "userName", entry.UserName);
        Field(text, "roles", entry.Roles);
        Field(text, "action", entry.Action);
        Field(text, "method", entry.Method);
        Field(text, "route", entry.Route);
        Field(text, "endpoint", entry.EndpointName);
        Field(text, "path", entry.Path);
        Field(text, "target", entry.Target);
        Field(text, "status", entry.StatusCode?.ToString(CultureInfo.InvariantCulture));
        Field(text, "requestId", entry.RequestId);
        Field(text, "traceId", entry.TraceId);
        Field(text, "detail", entry.Detail);
        return text.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="previousHash"/>, LF, and the canonical form.</summary>
    public static string Hash(string previousHash, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var bytes = Encoding.UTF8.GetBytes(previousHash + "\n" + Of(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffZ</c> of the instant in UTC.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Cuts an instant to whole milliseconds, in UTC, so the hash survives the round trip through every engine: SQLite's
    /// stored form keeps 0.1 ms (see <c>ProviderConventions</c>), PostgreSQL 1 µs, SQL Server 100 ns.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append('\n').Append(name);
        if (value is null)
        {
            return;
        }

        text.Append(':');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                _ => text.Append(c),
            };
        }
    }
}
