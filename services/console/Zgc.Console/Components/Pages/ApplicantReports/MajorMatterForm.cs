using Zgc.Console.Api;

namespace Zgc.Console.Components.Pages.ApplicantReports;

/// <summary>A new major matter as typed, with the service's rules (R-A14-MAJOR) checked as the user types.</summary>
public sealed class MajorMatterForm
{
    /// <summary>The kinds the service knows, in the order the page offers them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["RdBreakthrough", "TechnologyTransfer", "Commercialisation", "ChangeOfPrincipal", "Other"];

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public string Details { get; set; } = "";

    public DateOnly? OccurredOn { get; set; }

    public string NewPrincipal { get; set; } = "";

    public string Attachments { get; set; } = "";

    /// <summary>A new principal is asked for (and sent) only for a change of principal; the service refuses it otherwise.</summary>
    public bool AsksPrincipal => Kind == "ChangeOfPrincipal";

    public string? KindCheck => Kinds.Contains(Kind) ? null : "applicant.matter.kindRequired";

    public string? TitleCheck => Text(Title, 200);

    public string? DetailsCheck => Text(Details, 8000);

    public string? OccurredOnCheck => OccurredOn is null ? "applicant.report.required" : null;

    public string? NewPrincipalCheck => AsksPrincipal ? Text(NewPrincipal, 100) : null;

    public string? AttachmentsCheck => Attachments.Trim().Length > 2000 ? "applicant.report.tooLong" : null;

    public bool IsValid =>
        KindCheck is null && TitleCheck is null && DetailsCheck is null && OccurredOnCheck is null && NewPrincipalCheck is null && AttachmentsCheck is null;

    public MyMajorMatterRequest ToRequest() => new(Kind, Title.Trim(), Details.Trim(), OccurredOn, AsksPrincipal ? NewPrincipal.Trim() : null,
        string.IsNullOrWhiteSpace(Attachments) ? null : Attachments.Trim());

    private static string? Text(string value, int max) =>
        string.IsNullOrWhiteSpace(value) ? "applicant.report.required" : value.Trim().Length > max ? "applicant.report.tooLong" : null;
}
