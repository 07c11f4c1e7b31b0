using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Features;

public sealed class UnitEndpointsTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-APPLY"), Trait("Req", "R-A5-LEADTYPES")]
    public async Task An_applicant_registers_and_updates_its_own_unit()
    {
        var unit = IntakeApp.NewUnit();
        using var applicant = app.Applicant(unit);

        var created = await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var changed = IntakePayloads.Unit("北京改名科技有限公司");
        changed["leadUnitType"] = "research-institution";
        changed["qualification"] = "national-research-institution";
        Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync("/intake/units/mine", changed, Ct)).StatusCode);

        var mine = await applicant.GetFromJsonAsync<JsonElement>("/intake/units/mine", Ct);
        Assert.Equal(unit, mine.GetProperty("uscc").GetString());
        Assert.Equal("北京改名科技有限公司", mine.GetProperty("name").GetString());
        Assert.Equal("research-institution", mine.GetProperty("leadUnitType").GetString());
        Assert.Equal("board", mine.GetProperty("profile").GetProperty("governance").GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_token_whose_unit_code_fails_the_check_character_cannot_register()
    {
        using var applicant = app.Applicant("91110108MA01ABCD1X");
        var response = await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("unit", problem.GetProperty("field").GetString());
        Assert.Equal("GB-32100-2015", problem.GetProperty("rule").GetString());
    }

    [Fact, Trait("Req", "R-A5-LEADTYPES")]
    public async Task A_bad_profile_is_a_400_naming_each_field()
    {
        using var applicant = app.Applicant(IntakeApp.NewUnit());
        var body = IntakePayloads.Unit();
        body["leadUnitType"] = "start-up";
        body["contacts"] = new System.Text.Json.Nodes.JsonArray();
        var response = await applicant.PutAsJsonAsync("/intake/units/mine", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("violations").EnumerateArray()
            .Select(v => (v.GetProperty("field").GetString(), v.GetProperty("rule").GetString())).ToList();
        Assert.Contains(("leadUnitType", "R-A5-LEADTYPES"), fields);
        Assert.Contains(("contacts", "R-A13-APPLY"), fields);
    }

    [Fact]
    public async Task A_units_users_see_only_their_own_unit()
    {
        var mine = IntakeApp.NewUnit();
        var other = IntakeApp.NewUnit();
        using var me = app.Applicant(mine);
        using var them = app.Applicant(other);
        (await me.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), Ct)).EnsureSuccessStatusCode();
        (await them.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit("别家公司"), Ct)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/intake/units/{mine}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/intake/units/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync("/intake/units", Ct)).StatusCode);
        using var officer = app.Officer();
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/intake/units/{other}", Ct)).StatusCode);
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"/intake/units/{other}", Ct)).StatusCode);
    }
}
