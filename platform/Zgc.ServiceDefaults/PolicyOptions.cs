using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;

namespace Zgc.ServiceDefaults;

/// <summary>
/// The <c>Policy</c> configuration section: policy versions after the built-in 2019 Trial Measures, e.g.
/// <c>Policy:Versions:0:Version=2027-measures/v1</c>, <c>…:EffectiveFrom=2027-01-01</c>, <c>…:SupportRatioPercent=25</c>.
/// A field left out takes the 2019 figure. Every service reads the same section, so configure it identically everywhere.
/// </summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    public List<PolicyVersionOptions> Versions { get; } = [];
}

/// <summary>One configured version; amounts in yuan (up to two decimals).</summary>
public sealed class PolicyVersionOptions
{
    private static readonly ProgrammePolicy Base = ProgrammePolicy.TrialMeasures2019;

    public string Version { get; set; } = "";

    public string? Title { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public int SupportRatioPercent { get; set; } = Base.SupportRatioPercent;

    public decimal StandardAnnualCeilingYuan { get; set; } = Base.StandardAnnualCeiling.Fen / 100m;

    public decimal EspeciallyMajorAnnualCeilingYuan { get; set; } = Base.EspeciallyMajorAnnualCeiling.Fen / 100m;

    public int ConstructionYears { get; set; } = Base.ConstructionYears;

    public int NoticeWorkingDays { get; set; } = Base.NoticeWorkingDays;

    public int AnnualReportDueDays { get; set; } = Base.AnnualReportDueDays;

    public string? Source { get; set; }

    public ProgrammePolicy ToPolicy() => new(Version, Title ?? Version, EffectiveFrom, SupportRatioPercent, Money.FromYuan(StandardAnnualCeilingYuan),
        Money.FromYuan(EspeciallyMajorAnnualCeilingYuan), ConstructionYears, NoticeWorkingDays, AnnualReportDueDays, Source ?? "");
}

public static class PolicyRegistration
{
    /// <summary>The catalogue of policy versions, built once; a bad configuration stops the host at start-up with the reason.</summary>
    internal static void AddPolicyCatalog(this IHostApplicationBuilder builder)
    {
        var options = new PolicyOptions();
        builder.Configuration.GetSection(PolicyOptions.Section).Bind(options);
        var catalog = new PolicyCatalog(options.Versions.Select(v => v.ToPolicy()));
        builder.Services.TryAddSingleton(catalog);
    }
}
