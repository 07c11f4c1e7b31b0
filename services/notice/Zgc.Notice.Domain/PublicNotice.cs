using Zgc.Notice.Domain.Calendar;
using Zgc.SharedKernel;

namespace Zgc.Notice.Domain;

public enum NoticeStatus
{
    /// <summary>Drafted on the workflows service's command, not yet public.</summary>
    Draft,

    /// <summary>Public, its period running (or about to start); objections are taken during the period.</summary>
    Open,

    /// <summary>The period is over but objections are still under investigation; the result follows the last one.</summary>
    ClosedObjectionsPending,

    /// <summary>Closed without an upheld objection: the platform is included.</summary>
    Passed,

    /// <summary>Closed with an upheld objection.</summary>
    Failed,

    /// <summary>Taken down by an officer, with a reason.</summary>
    Withdrawn,
}

/// <summary>A public notice of an approved platform on the ZGC website (Art. 13, R-A13-NOTICE).</summary>
public sealed class PublicNotice
{
    public const string Rule = "R-A13-NOTICE";

    /// <summary>The rule an officer breaks by handling an objection they filed themselves.</summary>
    public const string SegregationOfDutiesRule = "segregation-of-duties";

    private readonly List<Objection> _objections = [];

    private PublicNotice()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string PlatformName { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string? IndustryField { get; private set; }

    public string? SubPark { get; private set; }

    public string? ConstructionSummary { get; private set; }

    /// <summary>Where and how to object, as printed on the notice.</summary>
    public string ObjectionChannel { get; private set; } = "";

    public NoticeStatus Status { get; private set; }

    public DateTimeOffset DraftedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateOnly? StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    /// <summary>The instant the period ends (exclusive): an objection before it is in time.</summary>
    public DateTimeOffset? ClosesAt { get; private set; }

    /// <summary>The pending close timer (a due-dated outbox row), so that an extension can replace it.</summary>
    public Guid? CloseTimerToken { get; private set; }

    /// <summary>When the end was last moved later, if ever.</summary>
    public DateTimeOffset? ExtendedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The result's or the withdrawal's reason.</summary>
    public string? OutcomeReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The last public change: published, extended, closed or decided (the feed's <c>updated</c>).</summary>
    public DateTimeOffset? LastChangedAt => new[] { PublishedAt, ExtendedAt, ClosedAt, DecidedAt }.Max();

    public IReadOnlyList<Objection> Objections => _objections;

    public static PublicNotice Draft(Guid id, Guid applicationId, string platformName, string unitName, string? industryField, string? subPark,
        string? constructionSummary, string objectionChannel, DateTimeOffset now, int? policyWorkingDays = null) => new()
    {
        PolicyWorkingDays = policyWorkingDays,
        Id = id,
        ApplicationId = applicationId,
        PlatformName = platformName,
        UnitName = unitName,
        IndustryField = industryField,
        SubPark = subPark,
        ConstructionSummary = constructionSummary,
        ObjectionChannel = objectionChannel,
        Status = NoticeStatus.Draft,
        DraftedAt = now,
    };

    /// <summary>
    /// The working days the lifecycle's policy version asks for (ADR 0005); null from older commands. The period is the
    /// longer of this and the service's configured one, so neither a version nor a setting can shorten the other.
    /// </summary>
    public int? PolicyWorkingDays { get; private set; }

    /// <summary>Makes the notice public and fixes its period by the calendar and the policy.</summary>
    public void Publish(DateTimeOffset now, WorkingDayCalendar calendar, NoticePeriodPolicy policy, string by)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (PolicyWorkingDays is { } required && required > policy.WorkingDays)
        {
            policy = policy with { WorkingDays = required };
        }

        if (Status != NoticeStatus.Draft)
        {
            throw Conflict($"The notice is {Status}; only a draft can be published.", "只有草稿状态的公示可以发布。");
        }

        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(now, calendar, policy);
        StartsOn = startsOn;
        EndsOn = endsOn;
        ClosesAt = closesAt;
        PublishedAt = now;
        PublishedBy = by;
        Status = NoticeStatus.Open;
    }

    public void ScheduledCloseAs(Guid timerToken) => CloseTimerToken = timerToken;

    /// <summary>Takes the notice down (draft or open). Returns the close timer to cancel, if any.</summary>
    public Guid? Withdraw(string reason, DateTimeOffset now)
    {
        if (Status is not (NoticeStatus.Draft or NoticeStatus.Open))
        {
            throw Conflict($"The notice is {Status}; only a draft or an open notice can be withdrawn.", "只有草稿或公示中的公示可以撤回。");
        }

        RequireReason(reason);
        var timer = CloseTimerToken;
        Status = NoticeStatus.Withdrawn;
        OutcomeReason = reason.Trim();
        DecidedAt = now;
        CloseTimerToken = null;
        return timer;
    }

    /// <summary>Moves the end later (never earlier) to another working day. Returns the close timer to cancel.</summary>
    public Guid? Extend(DateOnly newEndsOn, WorkingDayCalendar calendar, NoticePeriodPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status != NoticeStatus.Open || ClosesAt is not { } closesAt || now >= closesAt)
        {
            throw Conflict("Only a notice whose period is running can be extended.", "只有公示期内的公示可以延长。");
        }

        if (newEndsOn <= EndsOn)
        {
            throw new RuleViolationException("endsOn", Rule, $"An extension only moves the end later than {EndsOn:yyyy-MM-dd}.",
                $"延长后的截止日期须晚于{EndsOn:yyyy年M月d日}。");
        }

        if (!calendar.IsWorkingDay(newEndsOn))
        {
            throw new RuleViolationException("endsOn", Rule, $"{newEndsOn:yyyy-MM-dd} is not a working day.", $"{newEndsOn:yyyy年M月d日}不是工作日。");
        }

        var timer = CloseTimerToken;
        EndsOn = newEndsOn;
        ClosesAt = NoticePeriodRule.CloseInstant(newEndsOn, policy);
        ExtendedAt = now;
        CloseTimerToken = null;
        return timer;
    }

    /// <summary>
    /// Closes the notice when its period is over (the close timer). Returns false when there is nothing to do: not
    /// open, or not yet due (a stale timer). The result: any objection upheld → failed; any still pending →
    /// closed with objections pending; otherwise passed.
    /// </summary>
    public bool Close(DateTimeOffset now)
    {
        if (Status != NoticeStatus.Open || ClosesAt is not { } closesAt || now < closesAt)
        {
            return false;
        }

        ClosedAt = now;
        CloseTimerToken = null;
        Decide(now);
        return true;
    }

    /// <summary>
    /// Takes an objection during the period; refuses anonymous ones and those outside the period. <c>filedBy</c> is the
    /// signed-in user filing it (token <c>sub</c>), or null for the public; see <see cref="Objection.FiledBy"/>.
    /// </summary>
    public Objection TakeObjection(Guid id, string receiptNumber, ObjectorIdentity objector, string reasons, DateTimeOffset now, string? filedBy = null)
    {
        ArgumentNullException.ThrowIfNull(objector);
        if (Status == NoticeStatus.Draft || StartsOn is not { } startsOn || ClosesAt is not { } closesAt)
        {
            throw Conflict("This notice is not public; objections are not taken.", "该公示尚未发布，不受理异议。");
        }

        if (now < BeijingTime.StartOfDay(startsOn))
        {
            throw Conflict($"The notice period starts on {startsOn:yyyy-MM-dd}; objections are taken from then.",
                $"公示期自{startsOn:yyyy年M月d日}开始，届时方可提出异议。");
        }

        if (Status != NoticeStatus.Open || now >= closesAt)
        {
            var end = BeijingTime.ToBeijing(closesAt);
            var endText = end.TimeOfDay == TimeSpan.Zero ? $"{end.AddDays(-1):yyyy-MM-dd} 24:00" : $"{end:yyyy-MM-dd HH:mm}";
            var endZh = end.TimeOfDay == TimeSpan.Zero ? $"{end.AddDays(-1):yyyy年M月d日}24:00" : $"{end:yyyy年M月d日HH:mm}";
            throw Conflict(Status == NoticeStatus.Withdrawn
                    ? "The notice has been withdrawn; objections are no longer taken."
                    : $"The notice period ended at {endText} Beijing time; objections are no longer taken.",
                Status == NoticeStatus.Withdrawn ? "该公示已撤回，不再受理异议。" : $"公示期已于北京时间{endZh}结束，不再受理异议。");
        }

        var objection = Objection.Submit(id, Id, receiptNumber, objector, reasons, now, filedBy);
        _objections.Add(objection);
        return objection;
    }

    /// <summary>An officer starts investigating an objection.</summary>
    public void Investigate(Guid objectionId, string by, DateTimeOffset now) => Find(objectionId).Investigate(by, now);

    /// <summary>
    /// An officer upholds or dismisses an objection, with the finding. Returns true when that settles the result of a
    /// notice closed with objections pending (the caller announces it).
    /// </summary>
    public bool Resolve(Guid objectionId, bool upheld, string finding, string by, DateTimeOffset now)
    {
        Find(objectionId).Resolve(upheld, finding, by, now);
        if (Status == NoticeStatus.ClosedObjectionsPending)
        {
            Decide(now);
            return Status != NoticeStatus.ClosedObjectionsPending;
        }

        return false;
    }

    private void Decide(DateTimeOffset now)
    {
        if (_objections.Any(o => o.IsPending))
        {
            Status = NoticeStatus.ClosedObjectionsPending;
            OutcomeReason = "Objections are still under investigation. / 尚有异议正在核查。";
            return;
        }

        var upheld = _objections.Where(o => o.Status == ObjectionStatus.Upheld).ToList();
        Status = upheld.Count > 0 ? NoticeStatus.Failed : NoticeStatus.Passed;
        OutcomeReason = upheld.Count > 0
            ? "Objection upheld / 异议成立: " + string.Join("; ", upheld.Select(o => $"{o.ReceiptNumber}: {o.Finding}"))
            : _objections.Count == 0
                ? "No objection during the notice period. / 公示期内无异议。"
                : "All objections were dismissed. / 异议均不成立。";
        DecidedAt = now;
    }

    private Objection Find(Guid objectionId) => _objections.SingleOrDefault(o => o.Id == objectionId)
        ?? throw new RuleViolationException("objectionId", Rule, "No such objection on this notice.", "该公示无此异议。");

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new RuleViolationException("reason", Rule, "Give a reason (at most 500 characters).", "请说明理由（不超过500字）。");
        }
    }

    private static RuleViolationException Conflict(string en, string zh) => new(null, Rule, en, zh, RuleViolationException.ConflictStatus);
}
