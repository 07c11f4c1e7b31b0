using System.Text.Json;

namespace Zgc.Console.Api;

/// <summary>One line of <c>GET /intake/applications</c> (amounts in fen; status as intake names it).</summary>
public sealed record ApplicationListItem(
    Guid Id, string UnitUscc, string UnitName, string PlatformName, string? IndustryField, string? SubArea, string? SubPark,
    long TotalInvestmentFen, long SupportBaseFen, string Status, int CurrentVersion, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, int? Ranking);

/// <summary>A page of <c>GET /intake/applications</c>.</summary>
public sealed record ApplicationPage(List<ApplicationListItem> Items, int PageNumber, int PageSize, int Total);

/// <summary>One Art. 7 rule as screened on a submitted version.</summary>
public sealed record ScreeningResult(string Rule, bool Passed, string ReasonEn, string ReasonZh);

/// <summary>One line of an application's history (who did what, on which version).</summary>
public sealed record ApplicationHistoryEvent(DateTimeOffset At, string By, string Action, int Version, string? Note);

/// <summary><c>GET /intake/applications/{id}</c> as an officer reads it (no working copy).</summary>
public sealed record ApplicationDetail(
    Guid Id, string UnitUscc, string UnitName, string PlatformName, string? IndustryField, string? SubArea, string? SubPark,
    long TotalInvestmentFen, long SupportBaseFen, string Status, int CurrentVersion, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, bool? Eligible, List<ScreeningResult>? Screening,
    string? AcceptedBy, DateTimeOffset? AcceptedAt, string? PreliminaryReviewBy, string? PreliminaryReviewOpinion, DateTimeOffset? PreliminaryReviewAt,
    int? Ranking, string? RecommendedBy, string? RecommendationOpinion, DateTimeOffset? RecommendedAt,
    string? DecisionReasons, string? DecidedBy, DateTimeOffset? DecidedAt, List<ApplicationHistoryEvent>? History);

/// <summary>One submitted version in <c>GET /intake/applications/{id}/versions</c>.</summary>
public sealed record ApplicationVersionItem(int Number, string SubmittedBy, DateTimeOffset SubmittedAt, bool Eligible, long TotalInvestmentFen,
    long SupportBaseFen, string CommitmentVersion);

/// <summary>A material filed with a version.</summary>
public sealed record ApplicationAttachment(Guid Id, string FileName, string Kind, long SizeBytes, string Sha256);

/// <summary>
/// One submitted version in full. The content and the unit profile are kept as JSON: the page shows every field the
/// service sends, whatever it adds later, without the console mirroring intake's content model.
/// </summary>
public sealed record ApplicationVersionDetail(int Number, string SubmittedBy, DateTimeOffset SubmittedAt, bool Eligible, long TotalInvestmentFen,
    long SupportBaseFen, string CommitmentVersion, JsonElement Content, JsonElement Unit, List<ApplicationAttachment>? Attachments);

/// <summary>A downloaded material: its bytes and media type.</summary>
public sealed record DownloadedFile(string FileName, string MediaType, byte[] Bytes);

/// <summary>Body of <c>POST …/preliminary-review</c>.</summary>
public sealed record PreliminaryReviewRequest(string? Opinion);

/// <summary>Body of <c>POST …/recommend</c>.</summary>
public sealed record RecommendRequest(int? Ranking, string? Comment);

/// <summary>Body of <c>POST …/return</c> and <c>POST …/reject</c>.</summary>
public sealed record ReasonsRequest(string? Reasons);
