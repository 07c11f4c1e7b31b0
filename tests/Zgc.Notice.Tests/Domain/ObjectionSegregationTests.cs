using Zgc.Notice.Calendar;
using Zgc.Notice.Domain;
using Zgc.Notice.Domain.Calendar;
using Zgc.SharedKernel;

namespace Zgc.Notice.Tests.Domain;

/// <summary>Segregation of duties on objections: the officer who filed one (signed in) never investigates or decides it.</summary>
public class ObjectionSegregationTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly WorkingDayCalendar Calendar = new(CalendarStore.Shipped());
    private static readonly DateTimeOffset Published = new(2026, 3, 4, 9, 0, 0, Beijing);
    private static readonly DateTimeOffset During = Published.AddDays(1);
    private static readonly ObjectorIdentity Objector = ObjectorIdentity.Create("张三", null, "13800138000", null);

    private static PublicNotice Open()
    {
        var notice = PublicNotice.Draft(Guid.NewGuid(), Guid.NewGuid(), "平台", "单位", null, null, null, "表单", Published);
        notice.Publish(Published, Calendar, NoticePeriodPolicy.Default, "officer-a");
        return notice;
    }

    private static Objection Object(PublicNotice notice, string? filedBy) =>
        notice.TakeObjection(Guid.NewGuid(), "YY" + Guid.NewGuid().ToString("N")[..8], Objector, "理由充分的异议内容说明", During, filedBy);

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void The_officer_who_filed_an_objection_cannot_investigate_it()
    {
        var notice = Open();
        var objection = Object(notice, filedBy: "officer-b");
        Assert.Equal("officer-b", objection.FiledBy);

        var error = Assert.Throws<RuleViolationException>(() => notice.Investigate(objection.Id, "officer-b", During));

        Assert.Equal(PublicNotice.SegregationOfDutiesRule, error.Rule);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(ObjectionStatus.Received, objection.Status);
        Assert.Null(objection.HandledBy);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void The_officer_who_filed_an_objection_cannot_decide_it_after_another_took_it_up()
    {
        var notice = Open();
        var objection = Object(notice, filedBy: "officer-b");
        notice.Investigate(objection.Id, "officer-a", During);

        var error = Assert.Throws<RuleViolationException>(() => notice.Resolve(objection.Id, true, "材料不实", "officer-b", During));

        Assert.Equal(PublicNotice.SegregationOfDutiesRule, error.Rule);
        Assert.Equal(ObjectionStatus.Investigating, objection.Status);
        Assert.True(notice.Resolve(objection.Id, true, "材料不实", "officer-a", During) is false);
        Assert.Equal(ObjectionStatus.Upheld, objection.Status);
        Assert.Equal("officer-a", objection.HandledBy);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void An_objection_from_the_public_is_handled_by_any_officer()
    {
        var notice = Open();
        var objection = Object(notice, filedBy: null);

        notice.Investigate(objection.Id, "officer-b", During);
        notice.Resolve(objection.Id, false, "经核查不属实", "officer-b", During);

        Assert.Null(objection.FiledBy);
        Assert.Equal(ObjectionStatus.Dismissed, objection.Status);
    }
}
