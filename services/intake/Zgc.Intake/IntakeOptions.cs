namespace Zgc.Intake;

/// <summary>The intake part of the configuration (section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Largest single attachment, in bytes (default 20 MiB).</summary>
    public long MaxAttachmentBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest total of one application's attachments, in bytes (default 200 MiB).</summary>
    public long MaxApplicationAttachmentBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// The folder of the local file store holding attachments. Default: <c>intake-files</c> inside the database data
    /// directory (<c>Database:DataDirectory</c>); relative paths are taken from the content root.
    /// </summary>
    public string? FileStorePath { get; set; }

    /// <summary>How long an <c>Idempotency-Key</c>'s answer is kept for replays (default 24 hours).</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired answers are deleted (default hourly).</summary>
    public TimeSpan IdempotencyCleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
