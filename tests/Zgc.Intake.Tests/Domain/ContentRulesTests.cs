using Zgc.Intake.Domain.Content;

namespace Zgc.Intake.Tests.Domain;

public class ContentRulesTests
{
    [Fact, Trait("Req", "R-A13-APPLY")]
    public void A_complete_application_has_no_errors()
    {
        Assert.Empty(ContentRules.Validate(Samples.Content()));
        Assert.Empty(ContentRules.Completeness(Samples.Content()));
    }

    [Fact, Trait("Req", "R-A13-APPLY")]
    public void Completeness_names_every_missing_section()
    {
        var fields = ContentRules.Completeness(new ApplicationContent()).Select(e => e.Field).ToList();
        Assert.Equal(["platformName", "industryField", "subArea", "subPark", "basicInformation", "necessity", "goals.innovationGoals", "constructionContent",
            "foundation.existingWork", "schedule", "team.leader.name", "funding", "construction.status"], fields);
    }

    [Fact, Trait("Req", "R-A10-BASE")]
    public void Every_cost_category_of_the_support_base_plus_land_and_construction_installation_is_known()
    {
        Assert.Equal(13, CostCategories.All.Count);
        Assert.Equal(11, CostCategories.All.Count(c => CostCategories.InSupportBase(c.Code)));
        var errors = ContentRules.Validate(Samples.Content() with { Funding = [new FundingLine("catering", 1), new FundingLine("land", -1)] });
        Assert.Contains(errors, e => e.Field == "funding[0].category" && e.Rule == "R-A10-BASE");
        Assert.Contains(errors, e => e.Field == "funding[1].amountFen");
    }

    [Fact, Trait("Req", "R-A7-INTEGRATION")]
    public void Integrated_enterprises_need_valid_distinct_codes_and_a_relation()
    {
        var content = Samples.Content() with
        {
            IntegratedEnterprises =
            [
                new IntegratedEnterprise("甲", "91440300708461136T", "upstream"),
                new IntegratedEnterprise("乙", "91440300708461136X", "downstream"),
                new IntegratedEnterprise("丙", "91440300708461136T", "service"),
                new IntegratedEnterprise("丁", "914403001922038216", "partner"),
            ],
        };
        var errors = ContentRules.Validate(content);
        Assert.Contains(errors, e => e.Field == "integratedEnterprises[1].uscc" && e.Rule == "GB-32100-2015");
        Assert.Contains(errors, e => e.Field == "integratedEnterprises[2].uscc" && e.Rule == "R-A7-INTEGRATION");
        Assert.Contains(errors, e => e.Field == "integratedEnterprises[3].relation");
        Assert.DoesNotContain(errors, e => e.Field.StartsWith("integratedEnterprises[0]", StringComparison.Ordinal));
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void A_sub_area_of_another_field_is_refused()
    {
        var errors = ContentRules.Validate(Samples.Content() with { IndustryField = "bio-health", SubArea = "ai" });
        var error = Assert.Single(errors);
        Assert.Equal("subArea", error.Field);
        Assert.Equal("R-A4-FIELDS", error.Rule);
    }

    [Fact, Trait("Req", "R-A6-SUBPARKS")]
    public void An_unknown_sub_park_is_refused()
    {
        var error = Assert.Single(ContentRules.Validate(Samples.Content() with { SubPark = "pudong" }));
        Assert.Equal("subPark", error.Field);
    }
}
