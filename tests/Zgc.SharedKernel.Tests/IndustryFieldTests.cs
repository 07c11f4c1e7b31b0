namespace Zgc.SharedKernel.Tests;

public class IndustryFieldTests
{
    public static TheoryData<string, string, string[]> Fields => new()
    {
        { "next-generation-it", "新一代信息技术", ["ai", "integrated-circuits", "big-data-cloud", "eda", "5g", "industry-big-data", "autonomous-driving", "navigation-location", "quantum-communication", "operating-systems"] },
        { "bio-health", "生物健康", ["pilot-biopharma", "high-end-formulations", "cro", "cdmo", "cmo", "medical-device-engineering", "medical-transformation-centre"] },
        { "advanced-manufacturing", "高端装备与先进制造", ["industrial-design-simulation", "robot-core-parts", "cnc-systems", "drones", "commercial-aerospace", "additive-manufacturing", "micro-nano-manufacturing"] },
        { "new-materials", "新材料", ["third-gen-semiconductors", "graphene", "nano-materials", "flexible-display-materials"] },
        { "new-energy", "新能源与节能环保", ["hydrogen-fuel-cells", "smart-energy-monitoring", "air-pollution-control"] },
        { "other", "其他领域", ["bio-agriculture-breeding", "modern-horticulture", "st-services"] },
    };

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void There_are_the_five_key_fields_and_other_in_the_order_of_article_4()
    {
        Assert.Equal(["next-generation-it", "bio-health", "advanced-manufacturing", "new-materials", "new-energy", "other"], IndustryField.All.Select(f => f.Code));
        Assert.Equal(5, IndustryField.All.Count(f => f.IsKeyField));
        Assert.False(IndustryField.Other.IsKeyField);
    }

    [Theory, Trait("Req", "R-A4-FIELDS")]
    [MemberData(nameof(Fields))]
    public void Every_field_parses_with_its_chinese_name_and_exactly_its_sub_areas(string code, string zhName, string[] subAreas)
    {
        var field = IndustryField.Parse(code);

        Assert.Equal(code, field.Code);
        Assert.Equal(code, field.ToString());
        Assert.Equal(zhName, field.ZhName);
        Assert.False(string.IsNullOrWhiteSpace(field.EnName));
        Assert.Equal(subAreas, field.SubAreas.Select(s => s.Code));
        Assert.All(field.SubAreas, s => Assert.Equal(code, s.FieldCode));
        Assert.True(IndustryField.TryParse(code, out var parsed));
        Assert.Same(field, parsed);
    }

    [Theory, Trait("Req", "R-A4-FIELDS")]
    [MemberData(nameof(Fields))]
    public void Every_sub_area_parses_within_its_own_field(string code, string zhName, string[] subAreas)
    {
        Assert.NotEmpty(zhName);
        foreach (var subAreaCode in subAreas)
        {
            var subArea = IndustryField.ParseSubArea(code, subAreaCode);

            Assert.Equal(subAreaCode, subArea.Code);
            Assert.Equal(subAreaCode, subArea.ToString());
            Assert.Equal(code, subArea.FieldCode);
            Assert.False(string.IsNullOrWhiteSpace(subArea.ZhName));
            Assert.False(string.IsNullOrWhiteSpace(subArea.EnName));
        }
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void Sub_area_codes_are_unique_across_fields()
    {
        Assert.Equal(34, IndustryField.AllSubAreas.Count);
        Assert.Equal(IndustryField.AllSubAreas.Count, IndustryField.AllSubAreas.Select(s => s.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void Codes_are_kebab_case()
    {
        var codes = IndustryField.All.Select(f => f.Code).Concat(IndustryField.AllSubAreas.Select(s => s.Code));

        Assert.All(codes, code => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", code));
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void An_unknown_field_is_refused_naming_the_field_the_rule_and_the_valid_codes()
    {
        var error = Assert.Throws<TaxonomyException>(() => IndustryField.Parse("software"));

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal("industryField", error.Field);
        Assert.Equal("R-A4-FIELDS", error.Rule);
        Assert.Equal("software", error.Value);
        Assert.Equal(IndustryField.All.Select(f => f.Code), error.ValidCodes);
        Assert.All(IndustryField.All, f => Assert.Contains(f.Code, error.MessageEn, StringComparison.Ordinal));
        Assert.All(IndustryField.All, f => Assert.Contains(f.ZhName, error.MessageZh, StringComparison.Ordinal));
        Assert.Contains("'software'", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("产业领域", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains(error.MessageEn, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.MessageZh, error.Message, StringComparison.Ordinal);
        Assert.False(IndustryField.TryParse("software", out _));
    }

    [Theory, Trait("Req", "R-A4-FIELDS")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_field_is_refused(string? code)
    {
        var error = Assert.Throws<TaxonomyException>(() => IndustryField.Parse(code));

        Assert.Equal("industryField", error.Field);
        Assert.Contains("empty", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void Case_and_surrounding_space_are_forgiven_and_the_canonical_code_returned()
    {
        Assert.Same(IndustryField.BioHealth, IndustryField.Parse(" Bio-Health "));
        Assert.Equal("5g", IndustryField.ParseSubArea("next-generation-it", "5G").Code);
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void A_sub_area_of_another_field_is_refused_naming_the_field_it_belongs_to()
    {
        var error = Assert.Throws<TaxonomyException>(() => IndustryField.ParseSubArea("bio-health", "ai"));

        Assert.Equal("subArea", error.Field);
        Assert.Equal("R-A4-FIELDS", error.Rule);
        Assert.Equal("ai", error.Value);
        Assert.Equal(IndustryField.BioHealth.SubAreas.Select(s => s.Code), error.ValidCodes);
        Assert.Contains("next-generation-it", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("cdmo", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("新一代信息技术", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void An_unknown_sub_area_is_refused_listing_the_sub_areas_of_the_field()
    {
        var error = Assert.Throws<TaxonomyException>(() => IndustryField.ParseSubArea("new-materials", "steel"));

        Assert.Equal("subArea", error.Field);
        Assert.Equal(["third-gen-semiconductors", "graphene", "nano-materials", "flexible-display-materials"], error.ValidCodes);
        Assert.Contains("石墨烯", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void A_sub_area_under_an_unknown_field_is_refused_for_the_field()
    {
        var error = Assert.Throws<TaxonomyException>(() => IndustryField.ParseSubArea("software", "ai"));

        Assert.Equal("industryField", error.Field);
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public void Fields_are_equal_by_code()
    {
        Assert.Equal(IndustryField.Parse("new-energy"), IndustryField.NewEnergy);
        Assert.True(IndustryField.Parse("new-energy") == IndustryField.NewEnergy);
        Assert.True(IndustryField.NewEnergy != IndustryField.NewMaterials);
        Assert.Equal(IndustryField.NewEnergy.GetHashCode(), IndustryField.Parse("NEW-ENERGY").GetHashCode());
        Assert.False(IndustryField.Other.Equals(SubPark.Haidian));
    }

    [Theory, Trait("Req", "R-A7-INTEGRATION")]
    [InlineData("next-generation-it", 30)]
    [InlineData("bio-health", 10)]
    [InlineData("advanced-manufacturing", 10)]
    [InlineData("new-materials", 10)]
    [InlineData("new-energy", 10)]
    [InlineData("other", 10)]
    public void Next_generation_it_needs_thirty_integrated_enterprises_and_the_other_fields_ten(string code, int minimum)
    {
        Assert.Equal(minimum, IndustryField.Parse(code).MinimumIntegratedEnterprises);
    }
}
