using Zgc.Console.Api;

namespace Zgc.Console.Components.Pages.Applicant;

/// <summary>
/// Everything the applicant's inbox shows, gathered from intake, funding and monitoring in one go. Each block has its
/// own error, so one service being away does not hide the others.
/// </summary>
public sealed record InboxData(
    MyUnit? Unit,
    ApiError? UnitError,
    IReadOnlyList<MyApplicationSummary>? Applications,
    ApiError? ApplicationsError,
    IReadOnlyList<MyAgreement>? Agreements,
    ApiError? AgreementsError,
    IReadOnlyList<MyAnnualReport>? Reports,
    ApiError? ReportsError)
{
    public static async Task<InboxData> Load(ZgcApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var unit = api.GetMyUnit(cancellationToken);
        var applications = api.ListMyApplications(cancellationToken);
        var agreements = api.ListMyAgreements(cancellationToken);
        var reports = api.ListMyReports(cancellationToken);

        // The list of agreements has no signatures or funding years; the inbox needs both, so each agreement is read.
        var agreementList = await agreements;
        List<MyAgreement>? details = null;
        var agreementsError = agreementList.Error;
        if (agreementList.Value is { } summaries)
        {
            details = [];
            foreach (var summary in summaries)
            {
                var detail = await api.GetMyAgreement(summary.Id, cancellationToken);
                if (detail.Value is { } agreement)
                {
                    details.Add(agreement);
                }
                else
                {
                    agreementsError ??= detail.Error;
                }
            }
        }

        var unitResult = await unit;
        var applicationResult = await applications;
        var reportResult = await reports;
        return new InboxData(
            unitResult.Value, unitResult.Error is { Kind: ApiErrorKind.NotFound } ? null : unitResult.Error,
            applicationResult.Value?.Items, applicationResult.Error,
            details, agreementsError,
            reportResult.Value, reportResult.Error);
    }

    /// <summary>An agreement whose terms are set (year-1 award decided) and that the unit has not signed in this version.</summary>
    public static bool AwaitsUnitSignature(MyAgreement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Status == "Draft" && a.Year1AwardFen is not null
            && !a.Signatures.Any(s => s.Party == "Unit" && s.TermsVersion == a.TermsVersion);
    }

    /// <summary>The platform-years paid to the unit, newest agreement first.</summary>
    public IEnumerable<(MyAgreement Agreement, MyFundingYear Year)> Payments() =>
        (Agreements ?? []).SelectMany(a => a.Years.Where(y => y.Status == "Paid").Select(y => (a, y)));

    /// <summary>Annual reports still to be submitted (open or overdue), earliest due first.</summary>
    public IEnumerable<MyAnnualReport> ReportsDue() =>
        (Reports ?? []).Where(r => r.Status is "Open" or "Overdue").OrderBy(r => r.DueOn);

    /// <summary>The platform name of an application, for the blocks that only carry its id.</summary>
    public string PlatformOf(Guid applicationId) =>
        Applications?.FirstOrDefault(a => a.Id == applicationId)?.PlatformName
        ?? Agreements?.FirstOrDefault(a => a.ApplicationId == applicationId)?.PlatformName
        ?? applicationId.ToString()[..8];
}
