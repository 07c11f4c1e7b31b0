namespace Zgc.SharedKernel.Policy;

/// <summary>
/// One version of the programme's numeric rules. Every lifecycle instance records the version in force on the day it
/// was submitted and keeps it to the end, so a later policy change never alters a platform already in the programme
/// (funding's agreements copy the figures they were signed under). The 2019 Trial Measures are the first version.
/// </summary>
/// <param name="Version">Stable identifier, e.g. <c>2019-measures/v1</c>.</param>
/// <param name="Title">The document the figures come from.</param>
/// <param name="EffectiveFrom">The Beijing date from which new submissions fall under this version.</param>
/// <param name="SupportRatioPercent">Art. 10: the share of the support base (year 1) or of the accepted self-raised investment (years 2–3).</param>
/// <param name="StandardAnnualCeiling">Art. 10: the yearly ceiling of an ordinary platform.</param>
/// <param name="EspeciallyMajorAnnualCeiling">Art. 10: the yearly ceiling of an especially major platform.</param>
/// <param name="ConstructionYears">Art. 10: the years of construction funding, each after the previous year's evaluation.</param>
/// <param name="NoticeWorkingDays">Art. 13 (三): Beijing working days of the public notice.</param>
/// <param name="AnnualReportDueDays">Days after a construction year ends by which its annual report is due (R-A14-ANNUAL; the measures set no date).</param>
/// <param name="Source">Where the figures are published.</param>
public sealed record ProgrammePolicy(
    string Version,
    string Title,
    DateOnly EffectiveFrom,
    int SupportRatioPercent,
    Money StandardAnnualCeiling,
    Money EspeciallyMajorAnnualCeiling,
    int ConstructionYears,
    int NoticeWorkingDays,
    int AnnualReportDueDays,
    string Source)
{
    /// <summary>Art. 13 (三) sets the notice at no fewer than five working days; no version may shorten it.</summary>
    public const int MinimumNoticeWorkingDays = 5;

    /// <summary>
    /// 《中关村国家自主创新示范区高精尖产业协同创新平台建设管理办法（试行）》, issued 2019-09-18 and in force from issue
    /// (Art. 16): 30 %, CNY 10 M a year, CNY 30 M for an especially major platform, three years, five working days.
    /// </summary>
    public static ProgrammePolicy TrialMeasures2019 { get; } = new(
        "2019-measures/v1",
        "中关村国家自主创新示范区高精尖产业协同创新平台建设管理办法（试行）",
        new DateOnly(2019, 9, 18),
        30,
        Money.FromYuan(10_000_000),
        Money.FromYuan(30_000_000),
        3,
        MinimumNoticeWorkingDays,
        30,
        "http://www.beijing.gov.cn/zfxxgk/110081/gfxwj22/2019-09/19/content_18421b4f0eae420ab77821af6049c2ba.shtml");

    /// <summary>What is wrong with this version, field by field (empty when it can be used).</summary>
    public IReadOnlyList<(string Field, string Error)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Version) || Version.Length > 64)
        {
            problems.Add(("version", "A policy version needs an identifier of 1–64 characters."));
        }

        if (SupportRatioPercent is < 1 or > 100)
        {
            problems.Add(("supportRatioPercent", "The support ratio is a whole percentage from 1 to 100 (R-A10-Y1)."));
        }

        if (StandardAnnualCeiling.IsNegative || StandardAnnualCeiling == Money.Zero)
        {
            problems.Add(("standardAnnualCeiling", "The yearly ceiling must be more than zero (R-A10-Y1)."));
        }

        if (EspeciallyMajorAnnualCeiling < StandardAnnualCeiling)
        {
            problems.Add(("especiallyMajorAnnualCeiling", "The ceiling of an especially major platform cannot be below the ordinary one (R-A10-MAJOR)."));
        }

        if (ConstructionYears is < 1 or > 10)
        {
            problems.Add(("constructionYears", "Construction funding lasts 1–10 years (R-A10-Y23)."));
        }

        if (NoticeWorkingDays is < MinimumNoticeWorkingDays or > 60)
        {
            problems.Add(("noticeWorkingDays", "The public notice lasts at least 5 and at most 60 working days (R-A13-NOTICE)."));
        }

        if (AnnualReportDueDays is < 0 or > 366)
        {
            problems.Add(("annualReportDueDays", "An annual report falls due 0–366 days after its construction year (R-A14-ANNUAL)."));
        }

        return problems;
    }
}
