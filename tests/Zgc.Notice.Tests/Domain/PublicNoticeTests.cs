using Zgc.Notice.Calendar;
using Zgc.Notice.Domain;
using Zgc.Notice.Domain.Calendar;
using Zgc.SharedKernel;

namespace Zgc.Notice.Tests.Domain;

/// <summary>R-A13-NOTICE: objections during the period, and the result at close.</summary>
public class PublicNoticeTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly WorkingDayCalendar Calendar = new(CalendarStore.Shipped());
    private static readonly DateTimeOffset Published = new(2026, 3, 4, 9, 0, 0, Beijing); // Wednesday; closes 2026-03-11 00:00 Beijing
    private static readonly DateTimeOffset During = Published.AddDays(1);
    private static readonly ObjectorIdentity Objector = ObjectorIdentity.Create("张三", null, "13800138000", null);

    private static PublicNotice Open()
    {
        var notice = PublicNotice.Draft(Guid.NewGuid(), Guid.NewGuid(), "平台", "单位", null, null, null, "表单", Published);
        notice.Publish(Published, Calendar, NoticePeriodPolicy.Default, "officer");
        return notice;
    }

    private static Objection Object(PublicNotice notice) =>
        notice.TakeObjection(Guid.NewGuid(), "YY" + Guid.NewGuid().ToString("N")[..8], Objector, "理由充分的异议内容说明", During);

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Without_objections_it_passes_at_close_and_not_before()
    {
        var notice = Open();
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, Beijing), notice.ClosesAt);

        Assert.False(notice.Close(notice.ClosesAt!.Value.AddTicks(-1)));
        Assert.True(notice.Close(notice.ClosesAt.Value));
        Assert.Equal(NoticeStatus.Passed, notice.Status);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void All_dismissed_passes_and_any_upheld_fails()
    {
        var dismissed = Open();
        var a = Object(dismissed);
        dismissed.Investigate(a.Id, "o", During);
        dismissed.Resolve(a.Id, false, "经核查不属实", "o", During);
        dismissed.Close(dismissed.ClosesAt!.Value);
        Assert.Equal(NoticeStatus.Passed, dismissed.Status);

        var upheld = Open();
        var b = Object(upheld);
        var c = Object(upheld);
        upheld.Investigate(b.Id, "o", During);
        upheld.Resolve(b.Id, true, "材料不实", "o", During);
        upheld.Investigate(c.Id, "o", During);
        upheld.Resolve(c.Id, false, "不成立", "o", During);
        upheld.Close(upheld.ClosesAt!.Value);
        Assert.Equal(NoticeStatus.Failed, upheld.Status);
        Assert.Contains("材料不实", upheld.OutcomeReason, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Pending_objections_at_close_leave_it_closed_pending_until_the_last_is_resolved()
    {
        var notice = Open();
        var a = Object(notice);
        var b = Object(notice);
        notice.Investigate(a.Id, "o", During);
        notice.Close(notice.ClosesAt!.Value);
        Assert.Equal(NoticeStatus.ClosedObjectionsPending, notice.Status);

        Assert.False(notice.Resolve(a.Id, false, "不成立", "o", notice.ClosesAt.Value.AddDays(1)));
        Assert.Equal(NoticeStatus.ClosedObjectionsPending, notice.Status);
        notice.Investigate(b.Id, "o", notice.ClosesAt.Value.AddDays(1));
        Assert.True(notice.Resolve(b.Id, true, "成立", "o", notice.ClosesAt.Value.AddDays(2)));
        Assert.Equal(NoticeStatus.Failed, notice.Status);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void A_late_objection_is_refused_saying_when_the_period_ended()
    {
        var notice = Open();
        var error = Assert.Throws<RuleViolationException>(() =>
            notice.TakeObjection(Guid.NewGuid(), "YY1", Objector, "理由充分的异议内容说明", notice.ClosesAt!.Value));
        Assert.Equal(RuleViolationException.ConflictStatus, error.StatusCode);
        Assert.Contains("2026-03-10 24:00", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("2026年3月10日24:00", error.MessageZh, StringComparison.Ordinal);
    }

    [Theory, Trait("Req", "R-A13-NOTICE")]
    [InlineData(null, "110101199003074514", null)]
    [InlineData("张三", null, null)]
    [InlineData("  ", null, "13800138000")]
    public void Anonymous_objections_are_refused(string? name, string? idNumber, string? telephone)
    {
        var error = Assert.Throws<RuleViolationException>(() => ObjectorIdentity.Create(name, idNumber, telephone, null));
        Assert.Contains("匿名", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_numbers_and_telephones_are_checked()
    {
        Assert.Equal("110101199003074514", ObjectorIdentity.Create("张三", "110101199003074514", null, null).IdNumber);
        Assert.Throws<RuleViolationException>(() => ObjectorIdentity.Create("张三", "110101199003074515", null, null));
        Assert.Throws<RuleViolationException>(() => ObjectorIdentity.Create("张三", null, "12345", null));
        Assert.Equal("010-62345678", ObjectorIdentity.Create("张三", null, "010-62345678", null).Telephone);
    }

    [Fact]
    public void Reasons_have_length_limits()
    {
        var notice = Open();
        Assert.Equal("reasons", Assert.Throws<RuleViolationException>(() => notice.TakeObjection(Guid.NewGuid(), "Y", Objector, "太短", During)).Field);
        Assert.Equal("reasons", Assert.Throws<RuleViolationException>(() =>
            notice.TakeObjection(Guid.NewGuid(), "Y", Objector, new string('长', Objection.MaxReasonsLength + 1), During)).Field);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void An_extension_only_moves_the_end_later_to_a_working_day()
    {
        var notice = Open();
        Assert.Throws<RuleViolationException>(() => notice.Extend(new DateOnly(2026, 3, 9), Calendar, NoticePeriodPolicy.Default, During));
        Assert.Throws<RuleViolationException>(() => notice.Extend(new DateOnly(2026, 3, 14), Calendar, NoticePeriodPolicy.Default, During));
        notice.Extend(new DateOnly(2026, 3, 13), Calendar, NoticePeriodPolicy.Default, During);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 0, 0, 0, Beijing), notice.ClosesAt);
    }
}
