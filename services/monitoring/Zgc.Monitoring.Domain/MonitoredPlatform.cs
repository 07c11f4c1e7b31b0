using Zgc.SharedKernel;

namespace Zgc.Monitoring.Domain;

public enum PlatformStatus
{
    Active,
    Exited,
    Revoked,
}

/// <summary>
/// A platform under dynamic management (R-A14-EVAL), known to monitoring from its first reporting window. Its
/// history (<see cref="PlatformEvent"/>) keeps every report, evaluation, warning, rectification, exit and fraud finding.
/// </summary>
public sealed class MonitoredPlatform
{
    public const string ManagementRule = "R-A14-EVAL";

    private MonitoredPlatform()
    {
    }

    public Guid ApplicationId { get; private set; }

    public Guid? AgreementId { get; private set; }

    public string PlatformName { get; private set; } = "";

    public string UnitUscc { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string IndustryField { get; private set; } = "";

    public string SubPark { get; private set; } = "";

    /// <summary>The platform's principal (主要负责人) as last changed by an acknowledged major matter; null until then.</summary>
    public string? Principal { get; private set; }

    public PlatformStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    public static MonitoredPlatform Create(Guid applicationId, Guid? agreementId, string platformName, string unitUscc, string unitName,
        string industryField, string subPark, DateTimeOffset now) => new()
        {
            ApplicationId = applicationId,
            AgreementId = agreementId,
            PlatformName = platformName,
            UnitUscc = unitUscc,
            UnitName = unitName,
            IndustryField = industryField,
            SubPark = subPark,
            Status = PlatformStatus.Active,
            CreatedAt = now,
        };

    public void EnsureActive()
    {
        if (Status != PlatformStatus.Active)
        {
            throw Rules.Conflict(ManagementRule, Status.ToString(), "The platform is no longer under construction.", "该平台已不在建设期管理中。");
        }
    }

    public void Exit(DateTimeOffset now)
    {
        EnsureActive();
        Status = PlatformStatus.Exited;
        StatusChangedAt = now;
    }

    /// <summary>Fraud confirmed (R-A15-FRAUD): the status is revoked whatever it was, except when already revoked.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (Status == PlatformStatus.Revoked)
        {
            return false;
        }

        Status = PlatformStatus.Revoked;
        StatusChangedAt = now;
        return true;
    }

    public void ChangePrincipal(string principal) => Principal = principal;

    public bool BelongsTo(string? unitUscc) => unitUscc is not null && string.Equals(unitUscc, UnitUscc, StringComparison.OrdinalIgnoreCase);

    public static RuleViolationException NotFound() =>
        new("applicationId", "not-found", "No platform under monitoring has this id.", "未找到该平台。");
}

public enum PlatformEventKind
{
    ReportWindowOpened,
    ReportSubmitted,
    ReportOverdue,
    Evaluated,
    Warning,
    RectificationOrdered,
    RectificationCompleted,
    RectificationOverdue,
    Exited,
    FraudCaseOpened,
    FraudConfirmed,
    MajorMatterReported,
    MajorMatterAcknowledged,
    PrincipalChanged,
}

/// <summary>One line of a platform's management history; never changed once written.</summary>
public sealed class PlatformEvent
{
    private PlatformEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public PlatformEventKind Kind { get; private set; }

    public string Summary { get; private set; } = "";

    /// <summary>The record the event is about (report, rectification order, fraud case, major matter), if any.</summary>
    public Guid? SubjectId { get; private set; }

    public string? Reference { get; private set; }

    public string By { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public static PlatformEvent Of(Guid applicationId, PlatformEventKind kind, string summary, string by, DateTimeOffset at, Guid? subjectId = null,
        string? reference = null) => new()
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            Kind = kind,
            Summary = summary,
            SubjectId = subjectId,
            Reference = reference,
            By = by,
            At = at,
        };
}
