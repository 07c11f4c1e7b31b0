namespace Zgc.SharedKernel.Tests;

public class SubParkTests
{
    public static TheoryData<string, string> SixteenSubParks => new()
    {
        { "dongcheng", "东城园" },
        { "xicheng", "西城园" },
        { "chaoyang", "朝阳园" },
        { "haidian", "海淀园" },
        { "fengtai", "丰台园" },
        { "shijingshan", "石景山园" },
        { "mentougou", "门头沟园" },
        { "fangshan", "房山园" },
        { "tongzhou", "通州园" },
        { "shunyi", "顺义园" },
        { "daxing-yizhuang", "大兴-亦庄园" },
        { "changping", "昌平园" },
        { "pinggu", "平谷园" },
        { "huairou", "怀柔园" },
        { "miyun", "密云园" },
        { "yanqing", "延庆园" },
    };

    [Fact, Trait("Req", "R-A6-SUBPARKS")]
    public void There_are_exactly_sixteen_sub_parks()
    {
        Assert.Equal(16, SubPark.All.Count);
        Assert.Equal(SixteenSubParks.Select(row => row.Data.Item1), SubPark.All.Select(s => s.Code));
        Assert.Equal(16, SubPark.All.Distinct().Count());
    }

    [Theory, Trait("Req", "R-A6-SUBPARKS")]
    [MemberData(nameof(SixteenSubParks))]
    public void Every_sub_park_parses_with_its_chinese_name(string code, string zhName)
    {
        var subPark = SubPark.Parse(code);

        Assert.Equal(code, subPark.Code);
        Assert.Equal(code, subPark.ToString());
        Assert.Equal(zhName, subPark.ZhName);
        Assert.False(string.IsNullOrWhiteSpace(subPark.EnName));
        Assert.True(SubPark.TryParse(code, out var parsed));
        Assert.Same(subPark, parsed);
    }

    [Fact, Trait("Req", "R-A6-SUBPARKS")]
    public void Named_sub_parks_are_the_listed_ones()
    {
        Assert.Equal("haidian", SubPark.Haidian.Code);
        Assert.Equal("daxing-yizhuang", SubPark.DaxingYizhuang.Code);
        Assert.Equal(SubPark.Parse("yanqing"), SubPark.Yanqing);
    }

    [Fact, Trait("Req", "R-A6-SUBPARKS")]
    public void An_unknown_sub_park_is_refused_naming_the_field_the_rule_and_the_sixteen_codes()
    {
        var error = Assert.Throws<TaxonomyException>(() => SubPark.Parse("tianjin"));

        Assert.Equal("subPark", error.Field);
        Assert.Equal("R-A6-SUBPARKS", error.Rule);
        Assert.Equal("tianjin", error.Value);
        Assert.Equal(16, error.ValidCodes.Count);
        Assert.All(SubPark.All, s => Assert.Contains(s.Code, error.MessageEn, StringComparison.Ordinal));
        Assert.All(SubPark.All, s => Assert.Contains(s.ZhName, error.MessageZh, StringComparison.Ordinal));
        Assert.False(SubPark.TryParse("tianjin", out _));
        Assert.False(SubPark.TryParse(null, out _));
    }

    [Fact, Trait("Req", "R-A6-SUBPARKS")]
    public void Sub_parks_bind_through_iparsable()
    {
        Assert.Same(SubPark.Chaoyang, Bind<SubPark>("chaoyang"));
        Assert.Null(TryBind<SubPark>("nowhere"));
    }

    private static T Bind<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);

    private static T? TryBind<T>(string text)
        where T : class, IParsable<T> => T.TryParse(text, null, out var value) ? value : null;
}
