using Zgc.Monitoring.Domain.Reports;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Tests.Domain;

/// <summary>The annual report's life (R-A14-ANNUAL) and the officer's evaluation of it (R-A14-EVAL).</summary>
public class AnnualReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly DueOn = new(2026, 3, 31);

    private static AnnualReport Opened() =>
        AnnualReport.Open(Guid.NewGuid(), "91110108MA01ABCD1X", 1, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), DueOn, Now);

    private static AnnualReport Submitted(AnnualIndicators? indicators = null)
    {
        var report = Opened();
        report.SaveDraft(indicators ?? Indicators.Of(), Now);
        report.Submit("unit-user", Now);
        return report;
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public void A_draft_is_saved_then_submitted()
    {
        var report = Submitted();

        Assert.Equal(AnnualReportStatus.Submitted, report.Status);
        Assert.False(report.SubmittedLate);
        Assert.Equal("unit-user", report.SubmittedBy);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public void Submitting_without_indicators_is_a_400_naming_them()
    {
        var error = Assert.Throws<RuleViolationException>(() => Opened().Submit("u", Now));

        Assert.Equal("indicators", error.Field);
        Assert.Equal(RuleViolationException.BadRequestStatus, error.StatusCode);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public void A_submitted_report_cannot_be_changed_or_submitted_again_409_with_the_status()
    {
        var report = Submitted();

        var again = Assert.Throws<RuleViolationException>(() => report.Submit("u", Now));
        var change = Assert.Throws<RuleViolationException>(() => report.SaveDraft(Indicators.Of(), Now));

        Assert.Equal(RuleViolationException.ConflictStatus, again.StatusCode);
        Assert.Contains("Submitted", again.MessageEn, StringComparison.Ordinal);
        Assert.Equal(RuleViolationException.ConflictStatus, change.StatusCode);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public void Overdue_from_24_00_Beijing_of_the_due_date_and_a_late_submission_is_marked_late()
    {
        var report = Opened();
        var dueAt = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(dueAt, report.DueAt);

        Assert.False(report.MarkOverdue(dueAt.AddSeconds(-1)));
        Assert.Equal(AnnualReportStatus.Open, report.Status);
        Assert.True(report.MarkOverdue(dueAt));
        Assert.Equal(AnnualReportStatus.Overdue, report.Status);

        report.SaveDraft(Indicators.Of(), dueAt.AddDays(1));
        report.Submit("u", dueAt.AddDays(1));
        Assert.True(report.SubmittedLate);
        Assert.False(report.MarkOverdue(dueAt.AddDays(2)));
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public void Each_reminder_is_sent_once_and_none_after_submission()
    {
        var report = Opened();

        Assert.True(report.Remind(14));
        Assert.False(report.Remind(14));
        Assert.True(report.Remind(3));
        Assert.Equal("14,3", report.RemindersSent);

        var submitted = Submitted();
        Assert.False(submitted.Remind(3));
    }

    [Theory, Trait("Req", "R-A14-ANNUAL")]
    [InlineData("revenue")]
    [InlineData("smesDriven")]
    [InlineData("enterprisesServed")]
    public void Negative_indicators_are_refused_naming_the_field(string field)
    {
        var indicators = Indicators.Of();
        switch (field)
        {
            case "revenue": indicators.Revenue = Money.FromFen(-1); break;
            case "smesDriven": indicators.SmesDriven = -1; break;
            default: indicators.EnterprisesServed = -1; break;
        }

        var error = Assert.Throws<RuleViolationException>(() => Opened().SaveDraft(indicators, Now));

        Assert.Equal(field, error.Field);
        Assert.Equal("R-A14-ANNUAL", error.Rule);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public void Investment_lines_name_a_known_category_once_with_self_raised_within_the_total()
    {
        static RuleViolationException Refused(params InvestmentLine[] lines) =>
            Assert.Throws<RuleViolationException>(() => Opened().SaveDraft(Indicators.Of(investments: lines), Now));

        Assert.Equal("investments[0].category", Refused(new InvestmentLine { Category = "yachts", Total = Money.FromFen(1) }).Field);
        Assert.Equal("investments[1].category", Refused(
            new InvestmentLine { Category = "personnel", Total = Money.FromFen(1) },
            new InvestmentLine { Category = "personnel", Total = Money.FromFen(1) }).Field);
        Assert.Equal("investments[0].selfRaised", Refused(
            new InvestmentLine { Category = "personnel", Total = Money.FromFen(100), SelfRaised = Money.FromFen(101) }).Field);
    }

    [Fact, Trait("Req", "R-A10-BASE")]
    public void Self_raised_eligible_investment_leaves_out_land_and_construction_installation()
    {
        var indicators = Indicators.Of(investments:
        [
            new InvestmentLine { Category = "equipment-materials", Total = Money.FromYuan(5_000_000), SelfRaised = Money.FromYuan(3_000_000) },
            new InvestmentLine { Category = "personnel", Total = Money.FromYuan(2_000_000), SelfRaised = Money.FromFen(1) },
            new InvestmentLine { Category = "land", Total = Money.FromYuan(9_000_000), SelfRaised = Money.FromYuan(9_000_000) },
            new InvestmentLine { Category = "construction-installation", Total = Money.FromYuan(1_000_000), SelfRaised = Money.FromYuan(1_000_000) },
        ]);

        Assert.Equal(Money.FromYuan(3_000_000) + Money.FromFen(1), indicators.SelfRaisedEligibleInvestment);
        Assert.Equal(Money.FromYuan(13_000_000) + Money.FromFen(1), indicators.SelfRaisedInvestment);
        Assert.Equal(Money.FromYuan(17_000_000), indicators.TotalInvestment);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public void Target_attainment_is_achieved_over_target_in_basis_points_rounded_down()
    {
        var indicators = Indicators.Of(targets:
        [
            new TargetLine { Name = "发明专利申请", Target = 3, Achieved = 2 },
            new TargetLine { Name = "标准创制", Target = 2, Achieved = 3 },
        ]);

        Assert.Equal(6_666, indicators.Targets[0].AttainmentBasisPoints);
        Assert.Equal(15_000, indicators.Targets[1].AttainmentBasisPoints);
        var zero = Assert.Throws<RuleViolationException>(() =>
            Opened().SaveDraft(Indicators.Of(targets: [new TargetLine { Name = "x", Target = 0 }]), Now));
        Assert.Equal("targets[0].target", zero.Field);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void A_pass_with_a_check_that_does_not_hold_is_refused_and_a_fail_is_recorded()
    {
        var report = Submitted();
        var checks = AnnualChecks.Compute(new CheckInputs(1, report.Indicators!, null, null, null, 3));

        var refused = Assert.Throws<RuleViolationException>(() => report.Evaluate(Grade.Pass, null, Money.Zero, checks, "officer", Now));
        Assert.Equal("grade", refused.Field);
        Assert.Contains(AnnualChecks.RdAtLeastAverage, refused.MessageEn, StringComparison.Ordinal);

        report.Evaluate(Grade.Fail, "研发投入强度无法核实", Money.Zero, checks, "officer", Now);
        Assert.Equal(AnnualReportStatus.Evaluated, report.Status);
        Assert.False(report.Passed);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void Only_a_submitted_report_is_evaluated_once()
    {
        var open = Opened();
        var early = Assert.Throws<RuleViolationException>(() => open.Evaluate(Grade.Fail, null, Money.Zero, [], "o", Now));
        Assert.Equal(RuleViolationException.ConflictStatus, early.StatusCode);
        Assert.Contains("Open", early.MessageEn, StringComparison.Ordinal);

        var report = Submitted();
        report.Evaluate(Grade.Excellent, null, Money.FromFen(5), [], "o", Now);
        Assert.True(report.Passed);
        var twice = Assert.Throws<RuleViolationException>(() => report.Evaluate(Grade.Fail, null, Money.Zero, [], "o", Now));
        Assert.Equal(RuleViolationException.ConflictStatus, twice.StatusCode);
    }
}
