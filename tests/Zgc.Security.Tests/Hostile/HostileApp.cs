namespace Zgc.Security.Tests.Hostile;

/// <summary>
/// The standalone composition as <see cref="SecurityApp"/> hosts it, with the public objection rate limit raised: the
/// hostile cases must reach binding and validation, not stop at 429 after the fifth request from the test's address.
/// </summary>
public sealed class HostileApp : SecurityApp
{
    /// <summary>The per-file upload limit of intake attachments and objection evidence in this host.</summary>
    public const int UploadLimitBytes = 1024 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Notice:ObjectionsPerWindow"] = "100000",
        // Small upload limits, so an oversized file is a megabyte or two rather than twenty.
        ["Intake:MaxAttachmentBytes"] = UploadLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notice:Evidence:MaxFileBytes"] = UploadLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Refused requests are logged as warnings by design; thousands of them would only slow the run down.
        ["Logging:LogLevel:Default"] = "Error",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Critical",
        // …but an unhandled exception (a 500) is logged with its stack, to say where to fix it.
        ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics"] = "Error",
    };
}
