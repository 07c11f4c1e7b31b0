using System.Globalization;
using Zgc.Notice.Domain;

namespace Zgc.Notice;

/// <summary>
/// The notice part of the policy configuration (section <c>Notice</c>). Defaults follow R-A13-NOTICE: five working
/// days, the publication day counting when it is a working day, closing at 24:00 Beijing time.
/// </summary>
public sealed class NoticeOptions
{
    public const string Section = "Notice";

    /// <summary>Working days a notice lasts (at least 5).</summary>
    public int WorkingDays { get; set; } = NoticePeriodPolicy.MinimumWorkingDays;

    /// <summary><c>PublicationDay</c> (default) or <c>NextWorkingDay</c>.</summary>
    public NoticeStart Start { get; set; } = NoticeStart.PublicationDay;

    /// <summary>Beijing time of day the period closes on its last day, <c>24:00</c> (default) or e.g. <c>17:30</c>.</summary>
    public string ClosesAt { get; set; } = "24:00";

    /// <summary>
    /// True: a notice is published as soon as the workflows service asks for it. False: it waits as a draft for a
    /// committee officer. On by default so that the lifecycle runs unattended in the standalone host.
    /// </summary>
    public bool AutoPublish { get; set; } = true;

    /// <summary>Where and how to object, printed on every notice.</summary>
    public string ObjectionChannel { get; set; } =
        "公示期内，任何单位或个人可通过本页面的异议表单实名提出异议（须填写真实姓名及身份证号码或联系电话），也可书面提交至中关村科技园区管理委员会。匿名异议不予受理。";

    /// <summary>Objection submissions allowed per client (IP address) per <see cref="ObjectionWindow"/>.</summary>
    public int ObjectionsPerWindow { get; set; } = 5;

    public TimeSpan ObjectionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The public address of the notice pages, used in the feed's links (null: the request's own address).</summary>
    public Uri? PublicBaseAddress { get; set; }

    /// <summary>
    /// How many due close timers one sweep takes and closes in one transaction (at least 1; default 500). Notices published
    /// on one day close at one instant; the first close timer handled wakes the sweeps, which close the rest in transactions
    /// of this size (docs/performance.md, fixes 20 and 29).
    /// </summary>
    public int CloseSweepSize { get; set; } = 500;

    /// <summary>Limits and storage of the files sent with objections (section <c>Notice:Evidence</c>).</summary>
    public EvidenceOptions Evidence { get; set; } = new();

    public NoticePeriodPolicy Policy() => new()
    {
        WorkingDays = WorkingDays,
        Start = Start,
        ClosesAtTimeOfDay = ClosesAt.Trim() is "24:00" or "" ? null : TimeOnly.ParseExact(ClosesAt.Trim(), "HH:mm", CultureInfo.InvariantCulture),
    };
}

/// <summary>Evidence files sent with objections: what is taken and where it is kept.</summary>
public sealed class EvidenceOptions
{
    /// <summary>Largest file taken, in bytes (10 MB by default); a larger one is refused with 413.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most files one objection may carry, over all its uploads (5 by default); more are refused with 413.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>
    /// The folder of the local file store. Null: <c>notice-evidence</c> inside <c>Database:DataDirectory</c> (the service's
    /// data folder, relative to the content root). In a cluster this must be shared storage every instance reaches.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>The largest request body an upload may have: every file at its limit, plus room for the form fields.</summary>
    public long MaxRequestBytes => (MaxFileBytes * MaxFiles) + (1024 * 1024);
}
