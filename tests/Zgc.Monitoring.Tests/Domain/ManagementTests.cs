using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Management;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Tests.Domain;

/// <summary>Rectification, exit, fraud cases and major matters as state machines.</summary>
public class ManagementTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 10, 0, 0, TimeSpan.FromHours(8));

    private static MonitoredPlatform Platform() =>
        MonitoredPlatform.Create(Guid.NewGuid(), null, "平台", "91110108MA01ABCD1X", "单位", "new-generation-it", "haidian", Now);

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void A_rectification_is_overdue_from_24_00_Beijing_of_its_deadline_and_can_still_be_completed()
    {
        var order = RectificationOrder.Order(Guid.NewGuid(), "补充研发费用台账", new DateOnly(2026, 6, 30), "officer", Now);
        var dueAt = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8));

        Assert.False(order.MarkOverdue(dueAt.AddTicks(-1)));
        Assert.True(order.MarkOverdue(dueAt));
        Assert.Equal(RectificationStatus.Overdue, order.Status);
        order.Complete("已补充", "officer", dueAt.AddDays(1));
        Assert.Equal(RectificationStatus.Completed, order.Status);
        Assert.False(order.MarkOverdue(dueAt.AddDays(2)));
        Assert.Equal(RuleViolationException.ConflictStatus, Assert.Throws<RuleViolationException>(() => order.Complete("x", "o", Now)).StatusCode);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void A_rectification_deadline_in_the_past_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => RectificationOrder.Order(Guid.NewGuid(), "x", new DateOnly(2026, 5, 5), "o", Now));
        Assert.Equal("deadline", error.Field);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void An_exited_platform_cannot_exit_again_but_fraud_still_revokes_it()
    {
        var platform = Platform();
        platform.Exit(Now);

        var again = Assert.Throws<RuleViolationException>(() => platform.Exit(Now));
        Assert.Equal(RuleViolationException.ConflictStatus, again.StatusCode);
        Assert.Contains("Exited", again.MessageEn, StringComparison.Ordinal);
        Assert.True(platform.Revoke(Now));
        Assert.Equal(PlatformStatus.Revoked, platform.Status);
        Assert.False(platform.Revoke(Now));
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public void A_fraud_case_is_investigated_before_it_is_confirmed_with_evidence()
    {
        var fraud = FraudCase.Open(Guid.NewGuid(), "91110108MA01ABCD1X", "单位", FraudCaseSource.Audit, "审计报告〔2026〕12号", "虚报研发投入", "o", Now);

        var early = Assert.Throws<RuleViolationException>(() => fraud.Confirm("e", "f", "d", "o", Now));
        Assert.Equal(RuleViolationException.ConflictStatus, early.StatusCode);
        Assert.Contains("Opened", early.MessageEn, StringComparison.Ordinal);

        fraud.Investigate("o", Now);
        var noEvidence = Assert.Throws<RuleViolationException>(() => fraud.Confirm(" ", "虚报", "中科园发〔2026〕1号", "o", Now));
        Assert.Equal("evidence", noEvidence.Field);
        Assert.Equal("R-A15-FRAUD", noEvidence.Rule);

        fraud.Confirm("审计报告第3页；银行流水", "虚报研发投入1200万元", "中科园发〔2026〕1号", "o", Now);
        Assert.Equal(FraudCaseStatus.Confirmed, fraud.Status);
        Assert.Throws<RuleViolationException>(() => fraud.Dismiss("x", "o", Now));
    }

    [Fact, Trait("Req", "R-A14-MAJOR")]
    public void A_change_of_principal_names_the_new_principal_and_other_kinds_do_not()
    {
        var missing = Assert.Throws<RuleViolationException>(() =>
            MajorMatter.Report(Guid.NewGuid(), MajorMatterKind.ChangeOfPrincipal, "负责人变更", "原负责人调任", new DateOnly(2026, 5, 1), null, null, "u", Now));
        Assert.Equal("newPrincipal", missing.Field);
        Assert.Equal("R-A14-MAJOR", missing.Rule);

        var stray = Assert.Throws<RuleViolationException>(() =>
            MajorMatter.Report(Guid.NewGuid(), MajorMatterKind.Other, "t", "d", new DateOnly(2026, 5, 1), "张三", null, "u", Now));
        Assert.Equal("newPrincipal", stray.Field);

        var matter = MajorMatter.Report(Guid.NewGuid(), MajorMatterKind.ChangeOfPrincipal, "负责人变更", "原负责人调任", new DateOnly(2026, 5, 1), "王五", null, "u", Now);
        matter.Acknowledge(null, "officer", Now);
        Assert.Equal(MajorMatterStatus.Acknowledged, matter.Status);
        Assert.Equal(RuleViolationException.ConflictStatus, Assert.Throws<RuleViolationException>(() => matter.Acknowledge(null, "o", Now)).StatusCode);
    }
}
