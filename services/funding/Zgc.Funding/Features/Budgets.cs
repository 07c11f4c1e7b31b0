using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

public sealed record BudgetView(int FiscalYear, long AmountFen, string Amount, string SetBy, DateTimeOffset SetAt)
{
    public static BudgetView From(AnnualBudget b) => new(b.FiscalYear, b.Amount.Fen, b.Amount.ToString(), b.SetBy, b.SetAt);
}

/// <summary>Finance keeps the programme's budget per fiscal year; operators may read it.</summary>
internal static class Budgets
{
    /// <summary>The amount is required: a body without it must not set the budget to zero.</summary>
    public sealed record Request([property: JsonRequired] long AmountFen);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/budgets", List)
            .RequireRoles(Roles.FinancePreparer, Roles.FinanceApprover, Roles.CommitteeOfficer, Roles.Admin).WithName("ListBudgets");
        group.MapPut("/budgets/{fiscalYear:int}", Set).RequireRoles(Roles.FinancePreparer, Roles.Admin).WithName("SetBudget");
    }

    private static async Task<Ok<List<BudgetView>>> List(FundingDbContext db, CancellationToken cancellationToken)
    {
        var budgets = await db.Budgets.AsNoTracking().OrderBy(b => b.FiscalYear).ToListAsync(cancellationToken);
        return TypedResults.Ok(budgets.Select(BudgetView.From).ToList());
    }

    private static async Task<Ok<BudgetView>> Set(int fiscalYear, Request request, ClaimsPrincipal user, FundingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var amount = Money.FromFen(request.AmountFen);
        var budget = await db.Budgets.SingleOrDefaultAsync(b => b.FiscalYear == fiscalYear, cancellationToken);
        if (budget is null)
        {
            budget = AnnualBudget.Create(fiscalYear, amount, user.UserId(), clock.GetUtcNow());
            db.Budgets.Add(budget);
        }
        else
        {
            budget.Change(amount, user.UserId(), clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(BudgetView.From(budget));
    }
}
