using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Funding.Features;
using Zgc.ServiceDefaults;

namespace Zgc.Funding.Tests.Features;

public sealed class BudgetEndpointsTests(FundingApp app) : IClassFixture<FundingApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_preparer_sets_a_budget_and_the_approver_reads_it_to_the_fen()
    {
        const long amountFen = 12_345_678_901_23L;
        using var preparer = app.ClientFor(Roles.FinancePreparer);

        var response = await preparer.PutAsJsonAsync("/funding/budgets/2027", new { amountFen }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = await response.Content.ReadFromJsonAsync<BudgetView>(Ct);
        Assert.Equal(2027, set!.FiscalYear);
        Assert.Equal(amountFen, set.AmountFen);
        Assert.Equal("finance-preparer-test-user", set.SetBy);

        using var approver = app.ClientFor(Roles.FinanceApprover);
        var budgets = await approver.GetFromJsonAsync<List<BudgetView>>("/funding/budgets", Ct);
        var budget = Assert.Single(budgets!, b => b.FiscalYear == 2027);
        Assert.Equal(amountFen, budget.AmountFen);
    }

    [Fact]
    public async Task Setting_a_year_again_changes_its_amount()
    {
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        (await preparer.PutAsJsonAsync("/funding/budgets/2030", new { amountFen = 100L }, Ct)).EnsureSuccessStatusCode();

        using var admin = app.ClientFor(Roles.Admin);
        (await admin.PutAsJsonAsync("/funding/budgets/2030", new { amountFen = 1L }, Ct)).EnsureSuccessStatusCode();

        var budgets = await preparer.GetFromJsonAsync<List<BudgetView>>("/funding/budgets", Ct);
        var budget = Assert.Single(budgets!, b => b.FiscalYear == 2030);
        Assert.Equal(1L, budget.AmountFen);
        Assert.Equal("admin-test-user", budget.SetBy);
    }

    [Fact]
    public async Task Concurrent_first_settings_of_one_year_never_answer_500()
    {
        var preparers = Enumerable.Range(0, 6).Select(_ => app.ClientFor(Roles.FinancePreparer)).ToList();

        var responses = await Task.WhenAll(preparers.Select((preparer, i) => preparer.PutAsJsonAsync("/funding/budgets/2040", new { amountFen = 100L + i }, Ct)));

        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
        foreach (var preparer in preparers)
        {
            preparer.Dispose();
        }
    }

    [Fact]
    public async Task Setting_a_budget_as_an_applicant_is_403()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        var response = await applicant.PutAsJsonAsync("/funding/budgets/2028", new { amountFen = 100L }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Setting_a_budget_as_the_approver_is_403()
    {
        using var approver = app.ClientFor(Roles.FinanceApprover);
        var response = await approver.PutAsJsonAsync("/funding/budgets/2028", new { amountFen = 100L }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Budgets_without_a_token_are_401()
    {
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/funding/budgets/2028", new { amountFen = 100L }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/funding/budgets", Ct)).StatusCode);
    }

    [Fact]
    public async Task Reading_budgets_as_an_applicant_is_403()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/funding/budgets", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_year_before_2019_is_a_400_naming_the_field_and_the_rule()
    {
        using var preparer = app.ClientFor(Roles.FinancePreparer);

        var response = await preparer.PutAsJsonAsync("/funding/budgets/2018", new { amountFen = 100L }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("fiscalYear", problem.GetProperty("field").GetString());
        Assert.Equal("budget-year", problem.GetProperty("rule").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var budgets = await preparer.GetFromJsonAsync<List<BudgetView>>("/funding/budgets", Ct);
        Assert.DoesNotContain(budgets!, b => b.FiscalYear == 2018);
    }

    [Fact]
    public async Task A_negative_amount_is_a_400_naming_amountFen()
    {
        using var preparer = app.ClientFor(Roles.FinancePreparer);

        var response = await preparer.PutAsJsonAsync("/funding/budgets/2029", new { amountFen = -1L }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("amountFen", problem.GetProperty("field").GetString());
        Assert.Equal("budget-amount", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        using var content = new StringContent("{ \"amountFen\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await preparer.PutAsync("/funding/budgets/2029", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Operators_list_pending_timers_and_applicants_may_not()
    {
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/funding/timers", Ct)).StatusCode);
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/funding/timers", Ct)).StatusCode);
    }
}
