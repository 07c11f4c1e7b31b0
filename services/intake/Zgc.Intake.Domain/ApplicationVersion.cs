using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Eligibility;
using Zgc.Intake.Domain.Units;
using Zgc.SharedKernel;

namespace Zgc.Intake.Domain;

/// <summary>
/// One submission of an application, frozen: the content, the unit's profile as it was, the screening result and
/// the truthfulness commitment (R-A15-TRUTH). Nothing here changes after it is written; a resubmission is a new
/// version.
/// </summary>
public sealed class ApplicationVersion
{
    private ApplicationVersion()
    {
    }

    public Guid ApplicationId { get; private set; }

    public int Number { get; private set; }

    public ApplicationContent Content { get; private set; } = new();

    public UnitProfile Unit { get; private set; } = new();

    public IReadOnlyList<RuleResult> Screening { get; private set; } = [];

    public bool Eligible { get; private set; }

    public Money TotalInvestment { get; private set; }

    public Money SupportBase { get; private set; }

    public IReadOnlyList<AttachmentRef> Attachments { get; private set; } = [];

    public string CommitmentVersion { get; private set; } = "";

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    internal static ApplicationVersion Create(Guid applicationId, int number, ApplicationContent content, UnitProfile unit,
        IReadOnlyList<RuleResult> screening, IReadOnlyList<AttachmentRef> attachments, string commitmentVersion, string submittedBy, DateTimeOffset now)
    {
        var (total, supportBase) = ContentRules.Totals(content);
        return new ApplicationVersion
        {
            ApplicationId = applicationId,
            Number = number,
            Content = content,
            Unit = unit,
            Screening = screening,
            Eligible = screening.All(r => r.Passed),
            TotalInvestment = total,
            SupportBase = supportBase,
            Attachments = attachments,
            CommitmentVersion = commitmentVersion,
            SubmittedBy = submittedBy,
            SubmittedAt = now,
        };
    }
}

/// <summary>An attachment as a version lists it: enough to find it and to prove it is the same file.</summary>
public sealed record AttachmentRef(Guid Id, string FileName, string Kind, long SizeBytes, string Sha256);
