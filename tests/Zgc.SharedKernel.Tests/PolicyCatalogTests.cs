using Zgc.SharedKernel.Policy;

namespace Zgc.SharedKernel.Tests;

public sealed class PolicyCatalogTests
{
    private static ProgrammePolicy Version2027(string version = "2027-measures/v1", int ratio = 25) =>
        ProgrammePolicy.TrialMeasures2019 with { Version = version, EffectiveFrom = new DateOnly(2027, 1, 1), SupportRatioPercent = ratio };

    [Fact, Trait("Req", "R-A10-Y1"), Trait("Req", "R-A10-MAJOR"), Trait("Req", "R-A13-NOTICE")]
    public void The_2019_trial_measures_are_built_in_with_their_figures()
    {
        var measures = PolicyCatalog.BuiltIn.Get("2019-measures/v1");
        Assert.Equal(30, measures.SupportRatioPercent);
        Assert.Equal(Money.FromYuan(10_000_000), measures.StandardAnnualCeiling);
        Assert.Equal(Money.FromYuan(30_000_000), measures.EspeciallyMajorAnnualCeiling);
        Assert.Equal(3, measures.ConstructionYears);
        Assert.Equal(5, measures.NoticeWorkingDays);
        Assert.Equal(new DateOnly(2019, 9, 18), measures.EffectiveFrom);
    }

    [Fact]
    public void The_version_in_force_is_the_latest_that_took_effect_by_that_day()
    {
        var catalog = new PolicyCatalog([Version2027()]);
        Assert.Equal("2019-measures/v1", catalog.InForceOn(new DateOnly(2026, 12, 31)).Version);
        Assert.Equal("2027-measures/v1", catalog.InForceOn(new DateOnly(2027, 1, 1)).Version);
        Assert.Equal("2019-measures/v1", catalog.InForceOn(new DateOnly(2010, 1, 1)).Version);
        Assert.Equal(["2019-measures/v1", "2027-measures/v1"], catalog.All.Select(p => p.Version));
    }

    [Fact]
    public void An_unknown_recorded_version_is_a_conflict_naming_the_known_ones()
    {
        var error = Assert.Throws<RuleViolationException>(() => PolicyCatalog.BuiltIn.Get("2030-gone/v9"));
        Assert.Equal("policyVersion", error.Field);
        Assert.Equal(RuleViolationException.ConflictStatus, error.StatusCode);
        Assert.Contains("2019-measures/v1", error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void An_invalid_or_clashing_configuration_stops_the_catalogue_with_the_field_named()
    {
        var shortNotice = Version2027() with { NoticeWorkingDays = 3 };
        Assert.Contains("noticeWorkingDays", Assert.Throws<InvalidOperationException>(() => new PolicyCatalog([shortNotice])).Message, StringComparison.Ordinal);
        Assert.Contains("supportRatioPercent", Assert.Throws<InvalidOperationException>(() => new PolicyCatalog([Version2027(ratio: 0)])).Message,
            StringComparison.Ordinal);
        Assert.Contains("configured twice", Assert.Throws<InvalidOperationException>(() => new PolicyCatalog([Version2027(), Version2027()])).Message,
            StringComparison.Ordinal);
        Assert.Contains("same day", Assert.Throws<InvalidOperationException>(() => new PolicyCatalog([Version2027(), Version2027("2027-other/v1")])).Message,
            StringComparison.Ordinal);
        var lowMajor = Version2027() with { EspeciallyMajorAnnualCeiling = Money.FromYuan(1) };
        Assert.Contains("especiallyMajorAnnualCeiling", Assert.Throws<InvalidOperationException>(() => new PolicyCatalog([lowMajor])).Message,
            StringComparison.Ordinal);
    }
}
