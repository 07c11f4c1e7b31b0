using Zgc.Funding.Domain;
using Zgc.SharedKernel;

namespace Zgc.Funding.Tests.Domain;

public class AnnualBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_budget_keeps_its_amount_to_the_fen()
    {
        var budget = AnnualBudget.Create(2027, Money.FromFen(1_234_567_890_12L), "preparer", Now);

        Assert.Equal(2027, budget.FiscalYear);
        Assert.Equal(1_234_567_890_12L, budget.Amount.Fen);
        Assert.Equal("preparer", budget.SetBy);
        Assert.Equal(Now, budget.SetAt);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2100)]
    public void The_first_and_last_allowed_years_are_accepted(int year)
    {
        Assert.Equal(year, AnnualBudget.Create(year, Money.Zero, "preparer", Now).FiscalYear);
    }

    [Theory]
    [InlineData(2018)]
    [InlineData(1999)]
    [InlineData(2101)]
    public void A_year_outside_2019_to_2100_is_refused_naming_fiscalYear(int year)
    {
        var error = Assert.Throws<RuleViolationException>(() => AnnualBudget.Create(year, Money.FromYuan(1), "preparer", Now));

        Assert.Equal("fiscalYear", error.Field);
        Assert.Equal("budget-year", error.Rule);
        Assert.Equal(RuleViolationException.BadRequestStatus, error.StatusCode);
    }

    [Fact]
    public void A_negative_amount_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => AnnualBudget.Create(2027, Money.FromFen(-1), "preparer", Now));

        Assert.Equal("amountFen", error.Field);
        Assert.Equal("budget-amount", error.Rule);
    }

    [Fact]
    public void Changing_to_a_negative_amount_is_refused_and_keeps_the_old_amount()
    {
        var budget = AnnualBudget.Create(2027, Money.FromYuan(100), "preparer", Now);

        Assert.Throws<RuleViolationException>(() => budget.Change(Money.FromFen(-100), "other", Now.AddDays(1)));

        Assert.Equal(Money.FromYuan(100), budget.Amount);
        Assert.Equal("preparer", budget.SetBy);
    }

    [Fact]
    public void A_change_records_who_and_when()
    {
        var budget = AnnualBudget.Create(2027, Money.FromYuan(100), "preparer", Now);

        budget.Change(Money.FromFen(1), "admin", Now.AddDays(1));

        Assert.Equal(1, budget.Amount.Fen);
        Assert.Equal("admin", budget.SetBy);
        Assert.Equal(Now.AddDays(1), budget.SetAt);
    }
}
