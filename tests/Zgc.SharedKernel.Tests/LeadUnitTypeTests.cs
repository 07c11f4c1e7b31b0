namespace Zgc.SharedKernel.Tests;

public class LeadUnitTypeTests
{
    [Fact, Trait("Req", "R-A5-LEADTYPES")]
    public void There_are_exactly_the_three_lead_unit_types_of_article_5()
    {
        Assert.Equal(["leading-enterprise", "research-institution", "research-hospital"], LeadUnitType.All.Select(t => t.Code));
        Assert.Equal(["领军企业", "高水平研究机构", "研究型医院"], LeadUnitType.All.Select(t => t.ZhName));
    }

    [Theory, Trait("Req", "R-A5-LEADTYPES")]
    [InlineData("leading-enterprise")]
    [InlineData("research-institution")]
    [InlineData("research-hospital")]
    public void Every_lead_unit_type_parses_from_its_code(string code)
    {
        var type = LeadUnitType.Parse(code);

        Assert.Equal(code, type.Code);
        Assert.Equal(code, type.ToString());
        Assert.True(LeadUnitType.TryParse(code, out var parsed));
        Assert.Equal(type, parsed);
    }

    [Fact, Trait("Req", "R-A5-LEADTYPES")]
    public void An_unknown_lead_unit_type_is_refused_naming_the_field_the_rule_and_the_valid_codes()
    {
        var error = Assert.Throws<TaxonomyException>(() => LeadUnitType.Parse("startup"));

        Assert.Equal("leadUnitType", error.Field);
        Assert.Equal("R-A5-LEADTYPES", error.Rule);
        Assert.Equal(["leading-enterprise", "research-institution", "research-hospital"], error.ValidCodes);
        Assert.Contains("research-hospital", error.Message, StringComparison.Ordinal);
        Assert.Contains("研究型医院", error.MessageZh, StringComparison.Ordinal);
        Assert.False(LeadUnitType.TryParse("startup", out _));
    }
}
