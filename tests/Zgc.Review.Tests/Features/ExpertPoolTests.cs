using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Zgc.Review.Features.Experts;
using Zgc.ServiceDefaults;

namespace Zgc.Review.Tests.Features;

/// <summary>The expert pool and its CSV import (R-A13-EXPERT, R-A4-FIELDS).</summary>
public sealed class ExpertPoolTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact, Trait("Req", "R-A13-EXPERT"), Trait("Req", "R-A4-FIELDS")]
    public async Task A_csv_import_adds_the_good_rows_and_reports_each_bad_row_with_its_line_and_field()
    {
        var p = Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            userId,name,employerName,employerUscc,title,fields,subAreas,declaredConflictUsccs,active
            {p}-a,张三,清华大学,91110000MA0000001Q,教授,next-generation-it,ai;eda,,true
            {p}-b,李四,北京大学,NOT-A-CODE,研究员,bio-health,,,
            {p}-c,王五,某研究院,91110000MA0000003Q,研究员,space-mining,,,
            {p}-a,张三,清华大学,91110000MA0000001Q,教授,next-generation-it,,,
            {p}-d,赵六,某企业,91110000MA0000004Q,高工,bio-health,eda,,
            {p}-e,"钱七, 博士","某大学（""双一流""）",91110000MA0000005Q,教授,next-generation-it;new-materials,graphene,91110000MA0000009Q,false
            """;
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsync("/review/experts/import", Csv(csv), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<ExpertImport.ImportReport>(Ct))!;
        Assert.Equal(6, report.Rows);
        Assert.Equal(2, report.Added);
        Assert.Equal(0, report.Updated);
        Assert.Collection(report.Errors,
            e => Assert.Equal((3, "employerUscc", "R-A13-EXPERT"), (e.Line, e.Field, e.Rule)),
            e => Assert.Equal((4, "fields", "R-A4-FIELDS"), (e.Line, e.Field, e.Rule)),
            e => Assert.Equal((5, "userId"), (e.Line, e.Field)),
            e => Assert.Equal((6, "subAreas", "R-A4-FIELDS"), (e.Line, e.Field, e.Rule)));
        var e = (await officer.GetFromJsonAsync<ExpertView>($"/review/experts/{p}-e", Ct))!;
        Assert.Equal("钱七, 博士", e.Name);
        Assert.Equal("某大学（\"双一流\"）", e.EmployerName);
        Assert.Equal(["next-generation-it", "new-materials"], e.Fields);
        Assert.Equal(["91110000MA0000009Q"], e.DeclaredConflictUsccs);
        Assert.False(e.Active);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/review/experts/{p}-b", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task Importing_again_updates_instead_of_duplicating()
    {
        var id = "again-" + Guid.NewGuid().ToString("N")[..6];
        var header = "userId,name,employerName,employerUscc,title,fields,subAreas,declaredConflictUsccs,active\n";
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        await officer.PostAsync("/review/experts/import", Csv(header + $"{id},甲,单位,91110000MA0000011Q,教授,other,,,\n"), Ct);
        var second = await officer.PostAsync("/review/experts/import", Csv(header + $"{id},甲,新单位,91110000MA0000012Q,教授,other,,,\n"), Ct);

        var report = (await second.Content.ReadFromJsonAsync<ExpertImport.ImportReport>(Ct))!;
        Assert.Equal((0, 1), (report.Added, report.Updated));
        var expert = (await officer.GetFromJsonAsync<ExpertView>($"/review/experts/{id}", Ct))!;
        Assert.Equal("91110000MA0000012Q", expert.EmployerUscc);
    }

    [Fact]
    public async Task A_csv_without_the_required_columns_is_400_and_adds_nothing()
    {
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var before = (await officer.GetFromJsonAsync<List<ExpertView>>("/review/experts", Ct))!.Count;

        var response = await officer.PostAsync("/review/experts/import", Csv("userId,name\nx,y\n"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("employerUscc", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await officer.GetFromJsonAsync<List<ExpertView>>("/review/experts", Ct))!.Count);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task Saving_an_expert_with_a_bad_employer_code_is_400_naming_the_field()
    {
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsJsonAsync("/review/experts", new
        {
            userId = "bad-uscc", name = "甲", employerName = "单位", employerUscc = "123", title = "教授", fields = new[] { "other" },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("employerUscc", problem.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/review/experts/bad-uscc", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_committee_officers_and_admins_keep_the_pool()
    {
        using var expert = app.ClientFor(Roles.Expert);
        using var applicant = app.ClientFor(Roles.Applicant);

        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsync("/review/experts/import", Csv("userId\n"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/review/experts", Ct)).StatusCode);
    }
}
