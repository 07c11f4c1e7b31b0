namespace Zgc.Review.Domain;

/// <summary>
/// The eight aspects Art. 13 (二) has the experts assess (R-A13-EXPERT), in the article's order. Each is scored
/// 0–100; the codes are the API's field names.
/// </summary>
public enum Criterion
{
    /// <summary>建设意义和必要性.</summary>
    Significance,

    /// <summary>实施基础.</summary>
    Foundation,

    /// <summary>人才团队.</summary>
    Team,

    /// <summary>创新能力.</summary>
    Innovation,

    /// <summary>产业整合服务能力.</summary>
    Integration,

    /// <summary>建设内容.</summary>
    Content,

    /// <summary>绩效目标.</summary>
    Targets,

    /// <summary>资金筹措.</summary>
    Funding,
}

public static class Criteria
{
    public static IReadOnlyList<Criterion> All { get; } = Enum.GetValues<Criterion>();

    public const decimal MinimumScore = 0m;

    public const decimal MaximumScore = 100m;

    /// <summary>The camelCase code used in the API and configuration, e.g. <c>significance</c>.</summary>
    public static string Code(this Criterion criterion) => criterion switch
    {
        Criterion.Significance => "significance",
        Criterion.Foundation => "foundation",
        Criterion.Team => "team",
        Criterion.Innovation => "innovation",
        Criterion.Integration => "integration",
        Criterion.Content => "content",
        Criterion.Targets => "targets",
        Criterion.Funding => "funding",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    public static string ZhName(this Criterion criterion) => criterion switch
    {
        Criterion.Significance => "建设意义和必要性",
        Criterion.Foundation => "实施基础",
        Criterion.Team => "人才团队",
        Criterion.Innovation => "创新能力",
        Criterion.Integration => "产业整合服务能力",
        Criterion.Content => "建设内容",
        Criterion.Targets => "绩效目标",
        Criterion.Funding => "资金筹措",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };
}
