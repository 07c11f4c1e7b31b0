using System.Text.Json;
using Zgc.Funding.Domain;
using Zgc.SharedKernel;
using static Zgc.Funding.Tests.Domain.Builders;

namespace Zgc.Funding.Tests.Domain;

public class AgreementTests
{
    private static readonly TargetSet Year = new(1, 5, 1, 10, 20_000_000_00, 50_000_000_00);

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public void A_draft_has_the_parties_a_three_year_period_and_the_year_one_cap_with_its_explanation()
    {
        var agreement = Draft(supportBaseFen: 40_000_000_00);

        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Equal("91110108MA01ABCD1X", agreement.UnitUscc);
        Assert.Equal(new DateOnly(2026, 3, 2), agreement.ConstructionStartsOn);
        Assert.Equal(new DateOnly(2029, 3, 1), agreement.ConstructionEndsOn);
        Assert.Equal(Money.FromYuan(10_000_000), agreement.Year1Cap.Amount);
        Assert.Contains("min(30%", agreement.Year1Cap.ExplanationEn, StringComparison.Ordinal);
        Assert.Equal(1, agreement.TermsVersion);
        Assert.Single(agreement.Revisions);
    }

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public void Targets_per_year_and_total_are_kept_and_the_total_defaults_to_the_sum()
    {
        var targets = AgreementTargets.Of(Year, Year, Year, null);

        Assert.Equal(3, targets.Total.MajorBreakthroughs);
        Assert.Equal(15, targets.Total.InventionPatents);
        Assert.Equal(60_000_000_00, targets.Total.InvestmentScaleFen);
        Assert.Equal(150_000_000_00, targets.Total.OutputValueFen);
    }

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public void Negative_targets_or_a_total_below_the_years_are_refused()
    {
        Assert.Equal("targets.year2", Assert.Throws<RuleViolationException>(() =>
            AgreementTargets.Of(Year, Year with { InventionPatents = -1 }, Year, null)).Field);
        Assert.Equal("targets.total", Assert.Throws<RuleViolationException>(() =>
            AgreementTargets.Of(Year, Year, Year, Year)).Field);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void A_year_one_award_above_the_cap_is_refused_and_nothing_changes()
    {
        var agreement = Draft(supportBaseFen: 20_000_000_00); // cap 6,000,000.00

        var error = Assert.Throws<RuleViolationException>(() =>
            agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, Money.FromFen(6_000_000_01), "officer", Now, null));

        Assert.Equal("year1AwardFen", error.Field);
        Assert.Null(agreement.Year1Award);
        Assert.Equal(1, agreement.TermsVersion);
    }

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public void Every_change_is_a_new_version_and_earlier_versions_are_kept()
    {
        var agreement = Draft();
        agreement.ChangeTerms(agreement.ConstructionStartsOn, AgreementTargets.Of(Year, Year, Year, null), Money.FromYuan(5_000_000), "officer", Now, "targets");
        agreement.ChangeTerms(new DateOnly(2026, 4, 1), agreement.Targets, Money.FromYuan(4_000_000), "officer", Now.AddDays(1), "later start");

        Assert.Equal(3, agreement.TermsVersion);
        Assert.Equal([1, 2, 3], agreement.Revisions.Select(r => r.TermsVersion));
        using var second = JsonDocument.Parse(agreement.Revisions[1].TermsJson);
        Assert.Equal(5_000_000_00, second.RootElement.GetProperty("Year1AwardFen").GetInt64());
        Assert.Equal(new DateOnly(2029, 3, 31), agreement.ConstructionEndsOn);
    }

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public void Both_parties_sign_the_current_version_and_a_change_between_signatures_voids_the_earlier_one()
    {
        var agreement = Draft();
        agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, Money.FromYuan(5_000_000), "officer", Now, null);

        Assert.False(agreement.Sign(AgreementParty.Committee, "officer", "王五", Now));
        agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, Money.FromYuan(4_000_000), "officer", Now, "lower award");
        Assert.False(agreement.Sign(AgreementParty.Unit, "applicant", "张三", Now));
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.True(agreement.Sign(AgreementParty.Committee, "officer", "王五", Now.AddHours(1)));

        Assert.Equal(AgreementStatus.InForce, agreement.Status);
        Assert.Equal(Now.AddHours(1), agreement.SignedAt);
        Assert.Equal(3, agreement.Signatures.Count);
        Assert.All(agreement.Signatures, s => Assert.False(string.IsNullOrEmpty(s.SignedBy)));
    }

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public void Signing_without_a_year_one_award_or_twice_is_a_conflict()
    {
        var agreement = Draft();
        Assert.Equal(409, Assert.Throws<RuleViolationException>(() => agreement.Sign(AgreementParty.Committee, "officer", "王五", Now)).StatusCode);

        agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, Money.FromYuan(1), "officer", Now, null);
        agreement.Sign(AgreementParty.Committee, "officer", "王五", Now);
        Assert.Equal(409, Assert.Throws<RuleViolationException>(() => agreement.Sign(AgreementParty.Committee, "officer2", "赵六", Now)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public void A_signed_agreement_is_amended_with_a_reason_not_edited()
    {
        var agreement = Signed();

        Assert.Throws<RuleViolationException>(() => agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, null, "officer", Now, null));
        Assert.Equal("reason", Assert.Throws<RuleViolationException>(() =>
            agreement.Amend(agreement.ConstructionStartsOn, agreement.Targets, " ", "officer", Now)).Field);

        var before = agreement.TermsVersion;
        agreement.Amend(agreement.ConstructionStartsOn, AgreementTargets.Of(Year, Year, Year, null), "补充协议：调整专利目标", "officer", Now);

        Assert.Equal(before + 1, agreement.TermsVersion);
        Assert.Equal(AgreementStatus.InForce, agreement.Status);
        Assert.Equal("补充协议：调整专利目标", agreement.Revisions[^1].Note);
        Assert.Equal(Money.FromYuan(5_000_000), agreement.Year1Award);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public void An_especially_major_agreement_may_award_up_to_thirty_million()
    {
        var agreement = Draft(supportBaseFen: 150_000_000_00, especiallyMajor: true);

        agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, Money.FromYuan(30_000_000), "officer", Now, null);

        Assert.Equal(Money.FromYuan(30_000_000), agreement.Year1Award);
        Assert.Throws<RuleViolationException>(() =>
            agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, Money.Parse("30000000.01"), "officer", Now, null));
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public void Termination_happens_once()
    {
        var agreement = Signed();

        Assert.True(agreement.Terminate("弄虚作假", Now));
        Assert.False(agreement.Terminate("again", Now));
        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Equal("弄虚作假", agreement.TerminationReason);
    }
}
