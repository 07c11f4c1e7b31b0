using Zgc.Funding.Domain;
using Zgc.Persistence;

namespace Zgc.Funding.Persistence;

/// <summary>
/// The funding lookups every platform-year takes (an evaluation's consumer, the committee's award, the ledger's award
/// postings), compiled once per model: a LINQ query otherwise re-reads its expression tree on every run
/// (docs/performance.md, fixes 40 and 47). Tracked where the callers change what they read.
/// </summary>
internal static class FundingLookups
{
    private static readonly ModelCompiledQuery<FundingDbContext, Guid, Agreement?> AgreementOfApplicationQuery =
        new((db, applicationId, _) => db.Agreements.SingleOrDefault(a => a.ApplicationId == applicationId));

    private static readonly ModelCompiledQuery<FundingDbContext, Guid, int, FundingYear?> YearQuery =
        new((db, agreementId, year, _) => db.FundingYears.SingleOrDefault(y => y.AgreementId == agreementId && y.ConstructionYear == year));

    private static readonly ModelCompiledQuery<FundingDbContext, Guid, int, bool> YearExistsQuery =
        new((db, agreementId, year, _) => db.FundingYears.Any(y => y.AgreementId == agreementId && y.ConstructionYear == year));

    // The application narrows it to its own few entries by the (ApplicationId, Sequence) index; the reference alone is not
    // indexed and would read the programme's whole ledger on every award.
    private static readonly ModelCompiledListQuery<FundingDbContext, Guid, string, LedgerEntry> AwardEntriesQuery =
        new((db, applicationId, reference) => db.Ledger.Where(e => e.ApplicationId == applicationId && e.Kind == LedgerKind.Award && e.Reference == reference));

    /// <summary>The agreement of an application (without its revisions and signatures), tracked, or null.</summary>
    public static Task<Agreement?> AgreementOfApplication(this FundingDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        AgreementOfApplicationQuery.Run(db, applicationId, cancellationToken);

    /// <summary>An agreement's platform-year, tracked, or null.</summary>
    public static Task<FundingYear?> FundingYear(this FundingDbContext db, Guid agreementId, int constructionYear, CancellationToken cancellationToken) =>
        YearQuery.Run(db, agreementId, constructionYear, cancellationToken);

    /// <summary>Whether an agreement has a platform-year for <paramref name="constructionYear"/>.</summary>
    public static Task<bool> HasFundingYear(this FundingDbContext db, Guid agreementId, int constructionYear, CancellationToken cancellationToken) =>
        YearExistsQuery.Run(db, agreementId, constructionYear, cancellationToken);

    /// <summary>An application's award postings under one year reference, tracked.</summary>
    public static Task<List<LedgerEntry>> AwardEntries(this FundingDbContext db, Guid applicationId, string reference, CancellationToken cancellationToken) =>
        AwardEntriesQuery.Run(db, applicationId, reference, cancellationToken);
}
