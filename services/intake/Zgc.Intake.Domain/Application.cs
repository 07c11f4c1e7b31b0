using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Eligibility;
using Zgc.Intake.Domain.Units;
using Zgc.SharedKernel;

namespace Zgc.Intake.Domain;

/// <summary>
/// An application for an innovation platform: written as a draft, submitted (screened against Art. 7), then accepted,
/// reviewed and recommended, returned or rejected by its sub-park (Art. 13 (一)). Each submission is kept as an
/// unchanging <see cref="ApplicationVersion"/>; the draft is the applicant's working copy.
/// </summary>
public sealed class Application
{
    public const string SubParkRule = "R-A13-SUBPARK";
    public const int MaxOpinionLength = 4000;

    /// <summary>Statuses in which the applicant may change the draft and submit it.</summary>
    public static IReadOnlyList<ApplicationStatus> Editable { get; } = [ApplicationStatus.Draft, ApplicationStatus.Ineligible, ApplicationStatus.Returned];

    /// <summary>Statuses from which the sub-park may return or reject.</summary>
    public static IReadOnlyList<ApplicationStatus> UnderSubParkWork { get; } =
        [ApplicationStatus.Submitted, ApplicationStatus.Accepted, ApplicationStatus.PreliminaryReviewed];

    private Application()
    {
    }

    public Guid Id { get; private set; }

    public string UnitUscc { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    /// <summary>The applicant's working copy; the submitted versions are separate and frozen.</summary>
    public ApplicationContent Draft { get; private set; } = new();

    public string PlatformName { get; private set; } = "";

    public IndustryField? IndustryField { get; private set; }

    public string? SubArea { get; private set; }

    public SubPark? SubPark { get; private set; }

    public Money TotalInvestment { get; private set; }

    public Money SupportBase { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>The number of the latest submitted version; 0 while never submitted.</summary>
    public int CurrentVersion { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? AcceptedBy { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? PreliminaryReviewBy { get; private set; }

    public string? PreliminaryReviewOpinion { get; private set; }

    public DateTimeOffset? PreliminaryReviewAt { get; private set; }

    public int? Ranking { get; private set; }

    public string? RecommendedBy { get; private set; }

    public string? RecommendationOpinion { get; private set; }

    public DateTimeOffset? RecommendedAt { get; private set; }

    /// <summary>Reasons of the latest return or rejection.</summary>
    public string? DecisionReasons { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Every action on the application, oldest first.</summary>
    public IReadOnlyList<ApplicationEvent> History { get; private set; } = [];

    /// <summary>Optimistic concurrency: two officers acting at once cannot both succeed.</summary>
    public int Revision { get; private set; }

    /// <summary>A new draft; <paramref name="content"/> must already have passed <see cref="ContentRules.Validate"/>.</summary>
    public static Application Create(Guid id, string unitUscc, string unitName, ApplicationContent content, string user, DateTimeOffset now)
    {
        var application = new Application { Id = id, UnitUscc = unitUscc, UnitName = unitName, Status = ApplicationStatus.Draft, CreatedBy = user, CreatedAt = now };
        application.SetDraft(content, now);
        application.Record(now, user, "created", null);
        return application;
    }

    /// <summary>The applicant changes the working copy (draft, ineligible or returned only).</summary>
    public void UpdateDraft(ApplicationContent content, string user, DateTimeOffset now)
    {
        RequireStatus(Editable, "changed", "修改");
        SetDraft(content, now);
        Record(now, user, "updated", null);
    }

    /// <summary>
    /// Freezes the draft as the next version with its screening result. Eligible: Submitted, to the sub-park.
    /// Ineligible: stored with the reasons, back with the applicant to correct and resubmit.
    /// </summary>
    public ApplicationVersion Submit(string unitName, UnitProfile unit, IReadOnlyList<RuleResult> screening, IReadOnlyList<AttachmentRef> attachments,
        string commitmentVersion, string user, DateTimeOffset now)
    {
        RequireStatus(Editable, "submitted", "提交");
        var version = ApplicationVersion.Create(Id, CurrentVersion + 1, Draft, unit, screening, attachments, commitmentVersion, user, now);
        CurrentVersion = version.Number;
        UnitName = unitName;
        Status = version.Eligible ? ApplicationStatus.Submitted : ApplicationStatus.Ineligible;
        SubmittedBy = user;
        SubmittedAt = now;
        UpdatedAt = now;
        AcceptedBy = PreliminaryReviewBy = PreliminaryReviewOpinion = RecommendedBy = RecommendationOpinion = null;
        AcceptedAt = PreliminaryReviewAt = RecommendedAt = null;
        Ranking = null;
        Record(now, user, version.Eligible ? "submitted" : "submitted-ineligible",
            version.Eligible ? null : string.Join("; ", screening.Where(r => !r.Passed).Select(r => r.Rule)));
        return version;
    }

    /// <summary>受理: the sub-park accepts a submitted application.</summary>
    public void Accept(SubPark officerSubPark, string officer, DateTimeOffset now)
    {
        RequireOwnSubPark(officerSubPark);
        RequireStatus([ApplicationStatus.Submitted], "accepted", "受理");
        Status = ApplicationStatus.Accepted;
        AcceptedBy = officer;
        AcceptedAt = now;
        UpdatedAt = now;
        Record(now, officer, "accepted", null);
    }

    /// <summary>初审: the sub-park records its preliminary review of an accepted application.</summary>
    public void RecordPreliminaryReview(SubPark officerSubPark, string officer, string? opinion, DateTimeOffset now)
    {
        RequireOwnSubPark(officerSubPark);
        var text = RequireText(opinion, "opinion", "preliminary-review opinion", "初审意见");
        RequireStatus([ApplicationStatus.Accepted], "reviewed", "初审");
        Status = ApplicationStatus.PreliminaryReviewed;
        PreliminaryReviewBy = officer;
        PreliminaryReviewOpinion = text;
        PreliminaryReviewAt = now;
        UpdatedAt = now;
        Record(now, officer, "preliminary-review", text);
    }

    /// <summary>
    /// 择优推荐: the sub-park recommends a reviewed application to the ZGC Committee with its ranking among the
    /// sub-park's recommendations (1 = first) and a comment.
    /// </summary>
    public void Recommend(SubPark officerSubPark, string officer, int? ranking, string? comment, DateTimeOffset now)
    {
        RequireOwnSubPark(officerSubPark);
        if (ranking is not (>= 1 and <= 10_000))
        {
            throw new RuleViolationException("ranking", SubParkRule, "The ranking is a whole number from 1 (first).", "推荐排序须为从1开始的整数。");
        }

        var text = RequireText(comment, "comment", "recommendation comment", "推荐意见");
        RequireStatus([ApplicationStatus.PreliminaryReviewed], "recommended", "推荐");
        Status = ApplicationStatus.Recommended;
        Ranking = ranking;
        RecommendedBy = officer;
        RecommendationOpinion = text;
        RecommendedAt = now;
        UpdatedAt = now;
        Record(now, officer, "recommended", $"#{ranking}: {text}");
    }

    /// <summary>退回补正: the applicant corrects the draft and resubmits a new version.</summary>
    public void Return(SubPark officerSubPark, string officer, string? reasons, DateTimeOffset now)
    {
        RequireOwnSubPark(officerSubPark);
        var text = RequireText(reasons, "reasons", "reasons for the return", "退回理由");
        RequireStatus(UnderSubParkWork, "returned", "退回");
        Decide(ApplicationStatus.Returned, officer, text, now);
    }

    /// <summary>The sub-park rejects the application with its reasons; it ends here.</summary>
    public void Reject(SubPark officerSubPark, string officer, string? reasons, DateTimeOffset now)
    {
        RequireOwnSubPark(officerSubPark);
        var text = RequireText(reasons, "reasons", "reasons for the rejection", "不予推荐的理由");
        RequireStatus(UnderSubParkWork, "rejected", "不予推荐");
        Decide(ApplicationStatus.Rejected, officer, text, now);
    }

    private void Decide(ApplicationStatus status, string officer, string reasons, DateTimeOffset now)
    {
        Status = status;
        DecisionReasons = reasons;
        DecidedBy = officer;
        DecidedAt = now;
        UpdatedAt = now;
        Record(now, officer, status == ApplicationStatus.Returned ? "returned" : "rejected", reasons);
    }

    private void SetDraft(ApplicationContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        Draft = content;
        PlatformName = content.PlatformName?.Trim() ?? "";
        IndustryField = SharedKernel.IndustryField.TryParse(content.IndustryField, out var field) ? field : null;
        SubArea = field is not null && field.SubAreas.FirstOrDefault(s => string.Equals(s.Code, content.SubArea?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } area
            ? area.Code : null;
        SubPark = SharedKernel.SubPark.TryParse(content.SubPark, out var park) ? park : null;
        (TotalInvestment, SupportBase) = ContentRules.Totals(content);
        UpdatedAt = now;
    }

    private void RequireOwnSubPark(SubPark officerSubPark)
    {
        if (officerSubPark != SubPark)
        {
            throw new RuleViolationException("subPark", SubParkRule,
                $"Only an officer of sub-park '{SubPark}' may act on this application.",
                $"只有{SubPark?.ZhName}的工作人员可以办理该申请。", RuleViolationException.ConflictStatus);
        }
    }

    private void RequireStatus(IReadOnlyList<ApplicationStatus> allowed, string action, string actionZh)
    {
        if (!allowed.Contains(Status))
        {
            throw new StatusConflictException(Status, action, actionZh, allowed, SubParkRule);
        }
    }

    private static string RequireText(string? text, string field, string en, string zh)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxOpinionLength
            ? throw new RuleViolationException(field, SubParkRule, $"The {en} is required (at most {MaxOpinionLength} characters).",
                $"须填写{zh}（不超过{MaxOpinionLength}个字符）。")
            : trimmed;
    }

    private void Record(DateTimeOffset at, string by, string action, string? note)
    {
        // A new list, so that the change tracker sees the history column change.
        History = [.. History, new ApplicationEvent(at, by, action, CurrentVersion, note)];
        Revision++;
    }
}

/// <summary>One action on an application, for the record: when, who, what, on which version, and any note.</summary>
public sealed record ApplicationEvent(DateTimeOffset At, string By, string Action, int Version, string? Note);
