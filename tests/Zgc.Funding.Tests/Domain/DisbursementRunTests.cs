using Zgc.Funding.Domain;
using Zgc.SharedKernel;
using static Zgc.Funding.Tests.Domain.Builders;

namespace Zgc.Funding.Tests.Domain;

public class DisbursementRunTests
{
    private const string Preparer = "preparer-1";
    private const string Approver = "approver-1";

    [Fact, Trait("Req", "S-OPS")]
    public void The_preparer_cannot_approve_their_own_run()
    {
        var (run, _) = Run(Preparer, Signed());
        run.Submit(Preparer, Now);

        var error = Assert.Throws<RuleViolationException>(() => run.Decide(run.Lines[0].Id, approve: true, Preparer, null, Now));

        Assert.Equal("maker-checker", error.Rule);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(LineStatus.Proposed, run.Lines[0].Status);
    }

    [Fact, Trait("Req", "S-OPS")]
    public void Only_the_preparer_submits_and_only_a_gathered_run()
    {
        var (run, _) = Run(Preparer, Signed());

        Assert.Equal(403, Assert.Throws<RuleViolationException>(() => run.Submit("someone-else", Now)).StatusCode);
        run.Submit(Preparer, Now);
        Assert.Equal(409, Assert.Throws<RuleViolationException>(() => run.Submit(Preparer, Now)).StatusCode);
    }

    [Fact, Trait("Req", "S-OPS")]
    public void A_different_approver_decides_each_line_and_the_run_is_approved_when_all_are_decided()
    {
        var (run, _) = Run(Preparer, Signed(), Signed(awardFen: 3_000_000_00));
        run.Submit(Preparer, Now);

        run.Decide(run.Lines[0].Id, approve: true, Approver, "ok", Now);
        Assert.Equal(RunStatus.Submitted, run.Status);
        run.Decide(run.Lines[1].Id, approve: false, Approver, "材料不全", Now);

        Assert.Equal(RunStatus.Approved, run.Status);
        Assert.Equal(run.Lines[0].Amount, run.ApprovedTotal);
        Assert.Equal(409, Assert.Throws<RuleViolationException>(() => run.Decide(run.Lines[0].Id, false, Approver, null, Now)).StatusCode);
    }

    [Fact, Trait("Req", "S-OPS")]
    public void An_unapproved_line_is_not_paid_and_a_paid_line_is_not_paid_twice()
    {
        var (run, years) = Run(Preparer, Signed(), Signed(awardFen: 3_000_000_00));
        run.Submit(Preparer, Now);
        run.Decide(run.Lines[0].Id, approve: true, Approver, null, Now);

        // The run is not approved while a line is still proposed.
        Assert.Equal(409, Assert.Throws<RuleViolationException>(() => run.RecordPayment(run.Lines[0].Id, new DateOnly(2026, 3, 3), "B1", "fin", Now)).StatusCode);
        run.Decide(run.Lines[1].Id, approve: false, Approver, null, Now);

        var rejected = Assert.Throws<RuleViolationException>(() => run.RecordPayment(run.Lines[1].Id, new DateOnly(2026, 3, 3), "B1", "fin", Now));
        Assert.Equal("line-not-approved", rejected.Rule);
        run.RecordPayment(run.Lines[0].Id, new DateOnly(2026, 3, 3), "B1", "fin", Now);
        years[0].MarkPaid();
        var twice = Assert.Throws<RuleViolationException>(() => run.RecordPayment(run.Lines[0].Id, new DateOnly(2026, 3, 4), "B2", "fin", Now));

        Assert.Equal("already-paid", twice.Rule);
        Assert.Equal(409, twice.StatusCode);
        Assert.Equal("already-paid", Assert.Throws<RuleViolationException>(years[0].MarkPaid).Rule);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("B1", run.Lines[0].BankReference);
    }

    [Fact, Trait("Req", "S-OPS")]
    public void A_payment_needs_a_bank_reference()
    {
        var (run, _) = Run(Preparer, Signed());
        run.Submit(Preparer, Now);
        run.Decide(run.Lines[0].Id, approve: true, Approver, null, Now);

        Assert.Equal("bankReference", Assert.Throws<RuleViolationException>(() => run.RecordPayment(run.Lines[0].Id, new DateOnly(2026, 3, 3), " ", "fin", Now)).Field);
        Assert.Equal(LineStatus.Approved, run.Lines[0].Status);
    }

    [Fact, Trait("Req", "S-OPS")]
    public void A_year_is_gathered_by_one_run_only_until_it_is_released()
    {
        var agreement = Signed();
        var year = FundingYear.ForSignedAgreement(agreement, Now);
        var first = DisbursementRun.Start(2026, Preparer, Now);
        var second = DisbursementRun.Start(2026, Preparer, Now);
        first.Gather(year, agreement);

        Assert.Throws<RuleViolationException>(() => second.Gather(year, agreement));
        year.Release();
        second.Gather(year, agreement);
        Assert.Equal(second.Id, year.RunId);
    }

    [Fact, Trait("Req", "S-OPS")]
    public void The_budget_shortfall_is_what_the_run_needs_beyond_what_is_left()
    {
        var (run, _) = Run(Preparer, Signed(awardFen: 5_000_000_00), Signed(awardFen: 3_000_000_00)); // 8,000,000.00

        Assert.Equal(Money.Zero, run.BudgetShortfall(Money.FromYuan(8_000_000), Money.Zero));
        Assert.Equal(Money.FromFen(1), run.BudgetShortfall(Money.Parse("7999999.99"), Money.Zero));
        Assert.Equal(Money.FromYuan(2_000_000), run.BudgetShortfall(Money.FromYuan(10_000_000), Money.FromYuan(4_000_000)));
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void On_random_runs_the_lines_add_up_to_the_total_and_no_line_is_above_its_cap()
    {
        var random = new Random(20191018);
        for (var i = 0; i < 200; i++)
        {
            var agreements = Enumerable.Range(0, random.Next(1, 12)).Select(_ =>
            {
                var supportBase = random.NextInt64(0, 100_000_000_00);
                var cap = SupportCaps.ForYearOne(Money.FromFen(supportBase), false).Amount.Fen;
                return Signed(awardFen: random.NextInt64(0, cap + 1), supportBaseFen: supportBase);
            }).ToArray();

            var (run, _) = Run(Preparer, agreements);

            Assert.Equal(agreements.Aggregate(Money.Zero, (s, a) => s + a.Year1Award!.Value), run.Total);
            Assert.Equal(run.Lines.Aggregate(Money.Zero, (s, l) => s + l.Amount), run.Total);
            Assert.All(run.Lines, l => Assert.True(l.Amount <= l.Cap && !l.Amount.IsNegative));
        }
    }

    [Fact, Trait("Req", "S-OPS")]
    public void On_random_decisions_and_payments_the_runs_counts_and_totals_are_those_of_its_lines_and_its_status_follows_them()
    {
        var random = new Random(20191019);
        for (var i = 0; i < 200; i++)
        {
            var (run, _) = Run(Preparer, Enumerable.Range(0, random.Next(1, 9)).Select(_ => Signed(awardFen: random.NextInt64(1, 5_000_000_00))).ToArray());
            run.Submit(Preparer, Now);
            foreach (var line in run.Lines.OrderBy(_ => random.Next()).ToList())
            {
                run.Decide(line.Id, approve: random.Next(3) > 0, Approver, null, Now);
                AssertCountsMatchLines(run);
            }

            foreach (var line in run.Lines.Where(l => l.Status == LineStatus.Approved).OrderBy(_ => random.Next()).ToList())
            {
                Assert.Equal(RunStatus.Approved, run.Status);
                run.RecordPayment(line.Id, new DateOnly(2026, 3, 3), "B1", "fin", Now);
                AssertCountsMatchLines(run);
            }

            Assert.Equal(RunStatus.Completed, run.Status);
        }
    }

    private static void AssertCountsMatchLines(DisbursementRun run)
    {
        Assert.Equal(run.Lines.Count, run.LineCount);
        Assert.Equal(run.Lines.Count(l => l.Status == LineStatus.Proposed), run.UndecidedCount);
        Assert.Equal(run.Lines.Count(l => l.Status == LineStatus.Approved), run.UnpaidCount);
        Assert.Equal(Sum(run.Lines), run.Total);
        Assert.Equal(Sum(run.Lines.Where(l => l.Status is LineStatus.Approved or LineStatus.Paid)), run.ApprovedTotal);
        Assert.Equal(Sum(run.Lines.Where(l => l.Status == LineStatus.Paid)), run.PaidTotal);
        var expected = run.UndecidedCount > 0 ? RunStatus.Submitted : run.UnpaidCount > 0 ? RunStatus.Approved : RunStatus.Completed;
        Assert.Equal(expected, run.Status);
    }

    private static Money Sum(IEnumerable<DisbursementLine> lines) => lines.Aggregate(Money.Zero, (s, l) => s + l.Amount);
}
