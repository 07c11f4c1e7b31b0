using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

/// <summary>The programme's budget for one fiscal year, against which disbursement runs are planned.</summary>
public sealed class AnnualBudget
{
    /// <summary>The Measures were issued in 2019; nothing is budgeted before that.</summary>
    public const int FirstFiscalYear = 2019;

    private AnnualBudget()
    {
    }

    public int FiscalYear { get; private set; }

    public Money Amount { get; private set; }

    public string SetBy { get; private set; } = "";

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>Optimistic concurrency token: a budget change and a run submitted against it never pass each other.</summary>
    public int Version { get; private set; }

    public static AnnualBudget Create(int fiscalYear, Money amount, string setBy, DateTimeOffset now)
    {
        if (fiscalYear < FirstFiscalYear || fiscalYear > 2100)
        {
            throw new RuleViolationException("fiscalYear", "budget-year", $"The fiscal year must be between {FirstFiscalYear} and 2100.",
                $"财政年度须在{FirstFiscalYear}年至2100年之间。");
        }

        var budget = new AnnualBudget { FiscalYear = fiscalYear };
        budget.Change(amount, setBy, now);
        return budget;
    }

    public void Change(Money amount, string setBy, DateTimeOffset now)
    {
        if (amount.IsNegative)
        {
            throw new RuleViolationException("amountFen", "budget-amount", "A budget cannot be negative.", "预算金额不能为负数。");
        }

        Amount = amount;
        SetBy = setBy;
        SetAt = now;
        Version++;
    }

    /// <summary>
    /// Marks that a run was checked against this budget, so that two runs submitted at the same moment cannot both
    /// use the same remainder: the second one's save conflicts and it is checked again.
    /// </summary>
    public void Commit() => Version++;
}
