using System.Globalization;
using Zgc.Notice.Domain;
using Zgc.SharedKernel;

namespace Zgc.Notice.Features.Pages;

/// <summary>How the public pages write dates, instants and states: the Chinese way, in Beijing time.</summary>
internal static class ChineseText
{
    /// <summary>2019年4月26日.</summary>
    public static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>2019年4月26日 09:30 (Beijing time).</summary>
    public static string Instant(DateTimeOffset instant)
    {
        var beijing = BeijingTime.ToBeijing(instant);
        return Date(DateOnly.FromDateTime(beijing.DateTime)) + beijing.ToString(" HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// When a period closes, as a notice says it: the last day and the time of day, where an end at midnight is written
    /// 24:00 of the last day (2019年5月5日24:00), not 00:00 of the next.
    /// </summary>
    public static string Closing(DateTimeOffset closesAt)
    {
        var beijing = BeijingTime.ToBeijing(closesAt);
        var day = DateOnly.FromDateTime(beijing.DateTime);
        return beijing.TimeOfDay == TimeSpan.Zero
            ? Date(day.AddDays(-1)) + "24:00"
            : Date(day) + beijing.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"2019年4月26日至2019年5月5日24:00".</summary>
    public static string Period(PublicNotice notice) => notice is { StartsOn: { } starts, ClosesAt: { } closes }
        ? $"{Date(starts)}至{Closing(closes)}"
        : "—";

    /// <summary>The state a reader sees: before, during or after the period, and the result.</summary>
    public static string State(PublicNotice notice, DateTimeOffset now) => notice.Status switch
    {
        NoticeStatus.Open when notice.StartsOn is { } starts && now < BeijingTime.StartOfDay(starts) => "即将开始公示",
        NoticeStatus.Open when notice.ClosesAt is { } closes && now >= closes => "公示期满，结果待公布",
        NoticeStatus.Open => "公示中",
        NoticeStatus.ClosedObjectionsPending => "公示期满，异议核查中",
        NoticeStatus.Passed => "公示通过",
        NoticeStatus.Failed => "公示未通过",
        NoticeStatus.Withdrawn => "已撤回",
        _ => "未发布",
    };

    /// <summary>True while objections are taken: the period has started and not ended (the domain decides in the end).</summary>
    public static bool TakesObjections(PublicNotice notice, DateTimeOffset now) =>
        notice is { Status: NoticeStatus.Open, StartsOn: { } starts, ClosesAt: { } closes } && now >= BeijingTime.StartOfDay(starts) && now < closes;

    public static string Objection(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Received => "已受理",
        ObjectionStatus.Investigating => "核查中",
        ObjectionStatus.Upheld => "异议成立",
        ObjectionStatus.Dismissed => "异议不成立",
        _ => status.ToString(),
    };

    /// <summary>The Chinese name of a field or sub-park code; anything else as it was sent.</summary>
    public static string Field(string? code) => IndustryField.TryParse(code, out var field) ? field.ZhName : Dash(code);

    public static string SubParkName(string? code) => SubPark.TryParse(code, out var park) ? park.ZhName : Dash(code);

    public static string Dash(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text;

    /// <summary>The Chinese half of a bilingual "English / 中文" text stored by the domain, else the text itself.</summary>
    public static string ChinesePart(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var slash = text.IndexOf(" / ", StringComparison.Ordinal);
        return slash < 0 ? text : text[(slash + 3)..];
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
