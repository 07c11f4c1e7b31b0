using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Funding.Domain.Forecast;

/// <summary>
/// A what-if policy: like a new policy version (docs/adr/0005-policy-versions.md), it sets the support ratio, the
/// ordinary and especially-major yearly ceilings and the construction years. A figure left out keeps each agreement's
/// own (the version copied onto it), so "year-1 ratio 25 %" changes only the ratio. The same bounds as a configured
/// version apply (<see cref="Zgc.SharedKernel.Policy.ProgrammePolicy.Problems"/>); a bad figure is refused naming it.
/// </summary>
public sealed record PolicyOverride(string? Version, int? SupportRatioPercent, Money? StandardAnnualCeiling, Money? EspeciallyMajorAnnualCeiling,
    int? ConstructionYears)
{
    public const string DefaultVersion = "what-if";

    public string Label => string.IsNullOrWhiteSpace(Version) ? DefaultVersion : Version.Trim();

    /// <summary>Checks the figures given; throws a 400 naming <c>policy.&lt;field&gt;</c>.</summary>
    public PolicyOverride Validated()
    {
        if (Version is { Length: > 64 })
        {
            throw Bad("policy.version", "A what-if version label has at most 64 characters.", "情景政策版本名称不超过64个字符。");
        }

        if (SupportRatioPercent is < 1 or > 100)
        {
            throw Bad("policy.supportRatioPercent", "The support ratio is a whole percentage from 1 to 100 (R-A10-Y1).", "支持比例须为1至100之间的整数百分比（R-A10-Y1）。");
        }

        if (StandardAnnualCeiling is { } standard && (standard.IsNegative || standard == Money.Zero))
        {
            throw Bad("policy.standardAnnualCeilingFen", "The yearly ceiling must be more than zero (R-A10-Y1).", "年度支持上限须大于零（R-A10-Y1）。");
        }

        if (EspeciallyMajorAnnualCeiling is { } major && (major.IsNegative || major == Money.Zero))
        {
            throw Bad("policy.especiallyMajorAnnualCeilingFen", "The especially-major ceiling must be more than zero (R-A10-MAJOR).", "特别重大创新平台上限须大于零（R-A10-MAJOR）。");
        }

        if (StandardAnnualCeiling is { } s && EspeciallyMajorAnnualCeiling is { } m && m < s)
        {
            throw Bad("policy.especiallyMajorAnnualCeilingFen", "The ceiling of an especially major platform cannot be below the ordinary one (R-A10-MAJOR).",
                "特别重大创新平台上限不能低于一般平台上限（R-A10-MAJOR）。");
        }

        if (ConstructionYears is < 1 or > 10)
        {
            throw Bad("policy.constructionYears", "Construction funding lasts 1–10 years (R-A10-Y23).", "建设期资金支持年限须为1至10年（R-A10-Y23）。");
        }

        return this;
    }

    /// <summary>An agreement's own figures with the given ones replaced.</summary>
    public FundingRules ApplyTo(FundingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var standard = StandardAnnualCeiling ?? rules.StandardCeiling;
        var major = EspeciallyMajorAnnualCeiling ?? rules.EspeciallyMajorCeiling;
        if (major < standard)
        {
            // Only one ceiling was given and it crosses the agreement's other one.
            throw Bad(StandardAnnualCeiling is null ? "policy.especiallyMajorAnnualCeilingFen" : "policy.standardAnnualCeilingFen",
                string.Create(CultureInfo.InvariantCulture,
                    $"With an ordinary ceiling of {standard} the especially-major ceiling {major} would be below it (R-A10-MAJOR); give both."),
                string.Create(CultureInfo.InvariantCulture, $"一般平台上限为{standard}时，特别重大创新平台上限{major}将低于该上限（R-A10-MAJOR）；请同时给出两项上限。"));
        }

        return new FundingRules(Label, SupportRatioPercent ?? rules.RatioPercent, standard, major, ConstructionYears ?? rules.ConstructionYears);
    }

    /// <summary>What the override changes, for people.</summary>
    public (string En, string Zh) Describe()
    {
        var en = new List<string>();
        var zh = new List<string>();
        if (SupportRatioPercent is { } r)
        {
            en.Add(string.Create(CultureInfo.InvariantCulture, $"ratio {r}%"));
            zh.Add(string.Create(CultureInfo.InvariantCulture, $"支持比例{r}%"));
        }

        if (StandardAnnualCeiling is { } s)
        {
            en.Add($"ceiling {s}");
            zh.Add($"年度上限{s}");
        }

        if (EspeciallyMajorAnnualCeiling is { } m)
        {
            en.Add($"especially-major ceiling {m}");
            zh.Add($"特别重大创新平台上限{m}");
        }

        if (ConstructionYears is { } y)
        {
            en.Add(string.Create(CultureInfo.InvariantCulture, $"{y} construction years"));
            zh.Add(string.Create(CultureInfo.InvariantCulture, $"建设期{y}年"));
        }

        return en.Count == 0
            ? ($"{Label}: no figure changed (each agreement's own)", $"{Label}：未改变任何参数（沿用各协议自身的政策参数）")
            : ($"{Label}: {string.Join(", ", en)}; other figures are each agreement's own", $"{Label}：{string.Join("，", zh)}；其余参数沿用各协议自身的政策参数");
    }

    private static RuleViolationException Bad(string field, string en, string zh) => new(field, "policy-versions", en, zh);
}
