namespace Zgc.Monitoring.Domain.Management;

public enum MajorMatterKind
{
    RdBreakthrough,
    TechnologyTransfer,
    Commercialisation,
    ChangeOfPrincipal,
    Other,
}

public enum MajorMatterStatus
{
    Reported,
    Acknowledged,
}

/// <summary>
/// A major matter the platform reports promptly (R-A14-MAJOR); a monitoring officer acknowledges it. An acknowledged
/// change of principal updates the platform's record.
/// </summary>
public sealed class MajorMatter
{
    public const string Rule = "R-A14-MAJOR";

    private MajorMatter()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public MajorMatterKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string Details { get; private set; } = "";

    public DateOnly OccurredOn { get; private set; }

    /// <summary>The new principal, for a change of principal only.</summary>
    public string? NewPrincipal { get; private set; }

    /// <summary>References to attached documents (file names, document numbers), free text.</summary>
    public string? Attachments { get; private set; }

    public MajorMatterStatus Status { get; private set; }

    public string ReportedBy { get; private set; } = "";

    public DateTimeOffset ReportedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? Comment { get; private set; }

    public static MajorMatter Report(Guid applicationId, MajorMatterKind kind, string? title, string? details, DateOnly occurredOn, string? newPrincipal,
        string? attachments, string by, DateTimeOffset now)
    {
        var principal = kind == MajorMatterKind.ChangeOfPrincipal
            ? Rules.Text(newPrincipal, "newPrincipal", Rule, 100, "新任主要负责人")
            : Rules.OptionalText(newPrincipal, "newPrincipal", Rule, 100, "新任主要负责人");
        if (kind != MajorMatterKind.ChangeOfPrincipal && principal is not null)
        {
            throw Rules.Invalid("newPrincipal", Rule, "A new principal belongs to a change of principal only.", "仅主要负责人变动事项需填写新任主要负责人。");
        }

        return new MajorMatter
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            Kind = kind,
            Title = Rules.Text(title, "title", Rule, 200, "事项标题"),
            Details = Rules.Text(details, "details", Rule, 8000, "事项详情"),
            OccurredOn = occurredOn,
            NewPrincipal = principal,
            Attachments = Rules.OptionalText(attachments, "attachments", Rule, 2000, "附件"),
            Status = MajorMatterStatus.Reported,
            ReportedBy = by,
            ReportedAt = now,
        };
    }

    public void Acknowledge(string? comment, string by, DateTimeOffset now)
    {
        if (Status != MajorMatterStatus.Reported)
        {
            throw Rules.Conflict(Rule, Status.ToString(), "The matter is already acknowledged.", "该事项已确认。");
        }

        Comment = Rules.OptionalText(comment, "comment", Rule, 2000, "确认意见");
        Status = MajorMatterStatus.Acknowledged;
        AcknowledgedBy = by;
        AcknowledgedAt = now;
    }
}
