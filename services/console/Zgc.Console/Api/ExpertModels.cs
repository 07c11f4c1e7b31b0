namespace Zgc.Console.Api;

/// <summary>
/// An expert's seat on a panel (<c>GET /review/assignments</c>): the panel's and the seat's status (Assigned, Declared,
/// Submitted, Declined, Replaced), who applies (what a conflict check needs), and the expert's own score once given.
/// </summary>
public sealed record ExpertAssignment(
    Guid PanelId, Guid ApplicationId, string PanelStatus, string Status, string UnitName, string UnitUscc, IReadOnlyList<string> IntegratedEnterpriseUsccs,
    string PlatformName, DateTimeOffset? DeclaredAt, DateTimeOffset? SubmittedAt, IReadOnlyDictionary<string, decimal>? MyScores, string? MyComment,
    bool? MySupport)
{
    /// <summary>What the expert has to do next: declare, score, or nothing.</summary>
    public string Due => PanelStatus != "Open" ? "none" : Status switch
    {
        "Assigned" => "declare",
        "Declared" => "score",
        _ => "none",
    };
}

/// <summary>One of the eight criteria as the service names it (code = the score's field name).</summary>
public sealed record ExpertCriterion(string Code, string ZhName);

/// <summary>The application's material an assigned expert reads after declaring no conflict (<c>GET /review/assignments/{id}/material</c>).</summary>
public sealed record ExpertMaterial(
    Guid ApplicationId, string UnitName, string UnitUscc, string PlatformName, string IndustryField, string? SubArea, string SubPark, int? SubParkRanking,
    IReadOnlyList<string> IntegratedEnterpriseUsccs, long TotalInvestmentFen, long SupportBaseFen, IReadOnlyList<ExpertCriterion> Criteria);

/// <summary><c>POST /review/assignments/{id}/declaration</c>: the declaration that the expert has no conflict of interest.</summary>
public sealed record NoConflictDeclaration(bool NoConflict);

/// <summary><c>POST /review/assignments/{id}/decline</c>: the expert declines the seat, for a conflict of interest or otherwise, with a reason.</summary>
public sealed record DeclineAssignment(string Reason, bool Conflict);

/// <summary><c>POST /review/assignments/{id}/score</c>: each criterion 0–100 (at most two decimals), a comment and the support vote.</summary>
public sealed record ExpertScore(
    decimal? Significance, decimal? Foundation, decimal? Team, decimal? Innovation, decimal? Integration, decimal? Content, decimal? Targets,
    decimal? Funding, string? Comment, bool? Support);
