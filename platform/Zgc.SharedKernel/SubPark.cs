using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Zgc.SharedKernel;

/// <summary>
/// The sixteen sub-parks of Zhongguancun (一区十六园), R-A6-SUBPARKS. Art. 6 lays platforms out by the industry
/// positioning of each sub-park, and under Art. 13 (一) an application is filed with, accepted and first reviewed
/// by the sub-park where the applicant actually operates (实际经营所在地的分园管委会).
/// </summary>
[JsonConverter(typeof(TaxonomyJsonConverter<SubPark>))]
public sealed class SubPark : TaxonomyCode<SubPark>, ITaxonomy<SubPark>
{
    /// <summary>The input field name used in errors.</summary>
    public const string FieldName = "subPark";

    /// <summary>The requirement that defines the list.</summary>
    public const string Rule = "R-A6-SUBPARKS";

    private SubPark(string code, string zhName, string enName)
        : base(code, zhName, enName)
    {
    }

    public static SubPark Dongcheng { get; } = new("dongcheng", "东城园", "Dongcheng");

    public static SubPark Xicheng { get; } = new("xicheng", "西城园", "Xicheng");

    public static SubPark Chaoyang { get; } = new("chaoyang", "朝阳园", "Chaoyang");

    public static SubPark Haidian { get; } = new("haidian", "海淀园", "Haidian");

    public static SubPark Fengtai { get; } = new("fengtai", "丰台园", "Fengtai");

    public static SubPark Shijingshan { get; } = new("shijingshan", "石景山园", "Shijingshan");

    public static SubPark Mentougou { get; } = new("mentougou", "门头沟园", "Mentougou");

    public static SubPark Fangshan { get; } = new("fangshan", "房山园", "Fangshan");

    public static SubPark Tongzhou { get; } = new("tongzhou", "通州园", "Tongzhou");

    public static SubPark Shunyi { get; } = new("shunyi", "顺义园", "Shunyi");

    /// <summary>Daxing and the Beijing Economic-Technological Development Area (Yizhuang) form one sub-park.</summary>
    public static SubPark DaxingYizhuang { get; } = new("daxing-yizhuang", "大兴-亦庄园", "Daxing-Yizhuang");

    public static SubPark Changping { get; } = new("changping", "昌平园", "Changping");

    public static SubPark Pinggu { get; } = new("pinggu", "平谷园", "Pinggu");

    public static SubPark Huairou { get; } = new("huairou", "怀柔园", "Huairou");

    public static SubPark Miyun { get; } = new("miyun", "密云园", "Miyun");

    public static SubPark Yanqing { get; } = new("yanqing", "延庆园", "Yanqing");

    /// <summary>All sixteen, in the customary order of the sixteen sub-parks.</summary>
    public static IReadOnlyList<SubPark> All { get; } =
    [
        Dongcheng, Xicheng, Chaoyang, Haidian, Fengtai, Shijingshan, Mentougou, Fangshan,
        Tongzhou, Shunyi, DaxingYizhuang, Changping, Pinggu, Huairou, Miyun, Yanqing,
    ];

    /// <exception cref="TaxonomyException">The code is not one of the sixteen sub-parks.</exception>
    public static SubPark Parse(string? code) =>
        Find(All, code) ?? throw Unknown(FieldName, Rule, code, All, "sub-park", "分园");

    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out SubPark? entry) =>
        (entry = Find(All, code)) is not null;

    static SubPark IParsable<SubPark>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<SubPark>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out SubPark result) =>
        TryParse(s, out result);
}
