using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Eligibility;
using Zgc.Intake.Domain.Units;

namespace Zgc.Intake.Tests.Domain;

/// <summary>Every Art. 7 rule, at its boundary, as the Chinese text sets it ("以上" and "不少于" include the number).</summary>
public class EligibilityScreeningTests
{
    private static RuleResult Rule(ApplicationContent content, string rule, UnitProfile? unit = null, DateOnly? today = null) =>
        EligibilityScreening.Evaluate(content, unit ?? Samples.Unit(), today ?? Samples.Today).Single(r => r.Rule == rule);

    [Fact, Trait("Req", "R-A7-LEAD"), Trait("Req", "R-A7-ENTITY"), Trait("Req", "R-A7-GOVERNANCE"), Trait("Req", "R-A7-FACILITIES"),
     Trait("Req", "R-A7-INTEGRATION"), Trait("Req", "R-A7-TEAM"), Trait("Req", "R-A7-INVEST"), Trait("Req", "R-A7-RECENT"), Trait("Req", "R-A7-GOALS")]
    public void Every_rule_is_evaluated_and_explained_in_both_languages()
    {
        var results = EligibilityScreening.Evaluate(Samples.Content(), Samples.Unit(), Samples.Today);

        Assert.Equal(["R-A7-LEAD", "R-A7-ENTITY", "R-A7-GOVERNANCE", "R-A7-FACILITIES", "R-A7-INTEGRATION", "R-A7-TEAM", "R-A7-INVEST", "R-A7-RECENT", "R-A7-GOALS"],
            results.Select(r => r.Rule));
        Assert.All(results, r =>
        {
            Assert.True(r.Passed, r.ReasonEn);
            Assert.False(string.IsNullOrWhiteSpace(r.ReasonEn));
            Assert.Contains(r.ReasonZh, c => c >= '\u4e00' && c <= '\u9fff');
        });
    }

    [Fact, Trait("Req", "R-A7-INVEST")]
    public void Total_investment_of_49_999_999_99_yuan_fails_and_50_000_000_passes()
    {
        var below = Samples.Content() with { Funding = [new FundingLine("equipment-materials", 4_999_999_999)] };
        var at = Samples.Content() with { Funding = [new FundingLine("equipment-materials", 5_000_000_000)] };

        var failed = Rule(below, "R-A7-INVEST");
        Assert.False(failed.Passed);
        Assert.Contains("¥49,999,999.99", failed.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("5000万元", failed.ReasonZh, StringComparison.Ordinal);
        Assert.True(Rule(at, "R-A7-INVEST").Passed);
    }

    [Fact, Trait("Req", "R-A7-INVEST"), Trait("Req", "R-A10-BASE")]
    public void Land_and_construction_installation_count_towards_the_total_investment()
    {
        var content = Samples.Content() with
        {
            Funding = [new FundingLine("personnel", 10_000_000_00), new FundingLine("land", 30_000_000_00), new FundingLine("construction-installation", 10_000_000_00)],
        };
        Assert.True(Rule(content, "R-A7-INVEST").Passed);
        var (total, supportBase) = ContentRules.Totals(content);
        Assert.Equal(50_000_000_00, total.Fen);
        Assert.Equal(10_000_000_00, supportBase.Fen);
    }

    [Theory, Trait("Req", "R-A7-INTEGRATION")]
    [InlineData("next-generation-it", "ai", 29, false)]
    [InlineData("next-generation-it", "ai", 30, true)]
    [InlineData("bio-health", "cro", 9, false)]
    [InlineData("bio-health", "cro", 10, true)]
    [InlineData("new-materials", "graphene", 9, false)]
    [InlineData("new-materials", "graphene", 10, true)]
    [InlineData("other", "st-services", 9, false)]
    [InlineData("other", "st-services", 10, true)]
    public void Integrated_enterprises_meet_the_fields_minimum(string field, string subArea, int count, bool passes)
    {
        var result = Rule(Samples.Content(field, subArea, count), "R-A7-INTEGRATION");
        Assert.Equal(passes, result.Passed);
        Assert.Contains(count.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ReasonEn, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A7-INTEGRATION")]
    public void The_same_enterprise_listed_twice_counts_once()
    {
        var content = Samples.Content(enterprises: 29);
        content = content with { IntegratedEnterprises = [.. content.IntegratedEnterprises!, content.IntegratedEnterprises![0]] };
        Assert.False(Rule(content, "R-A7-INTEGRATION").Passed);
    }

    [Theory, Trait("Req", "R-A7-TEAM")]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void Nine_full_time_staff_fail_and_ten_pass(int staff, bool passes)
    {
        var content = Samples.Content() with { Team = Samples.Content().Team! with { FullTimeStaff = staff } };
        var result = Rule(content, "R-A7-TEAM");
        Assert.Equal(passes, result.Passed);
        if (!passes)
        {
            Assert.Contains("专职人员9人", result.ReasonZh, StringComparison.Ordinal);
        }
    }

    [Theory, Trait("Req", "R-A7-TEAM")]
    [InlineData("academician", true)]
    [InlineData("renowned-expert", true)]
    [InlineData("technology-leader", true)]
    [InlineData("senior-executive", true)]
    [InlineData("other", false)]
    public void The_platform_is_led_by_top_talent(string title, bool passes)
    {
        var content = Samples.Content() with { Team = Samples.Content().Team! with { Leader = new TeamLeader("李四", title, null) } };
        Assert.Equal(passes, Rule(content, "R-A7-TEAM").Passed);
    }

    [Theory, Trait("Req", "R-A7-RECENT")]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void Built_one_year_ago_plus_or_minus_a_day(int daysAfterOneYearAgo, bool passes)
    {
        var established = Samples.Today.AddYears(-1).AddDays(daysAfterOneYearAgo);
        var content = Samples.Content() with
        {
            Construction = new Construction { Status = ConstructionStatuses.Built, EstablishedOn = established, ActualInvestmentToDateFen = 1 },
        };
        Assert.Equal(passes, Rule(content, "R-A7-RECENT").Passed);
    }

    [Fact, Trait("Req", "R-A7-RECENT")]
    public void Under_construction_passes_only_with_actual_investment()
    {
        var none = Samples.Content() with { Construction = new Construction { Status = ConstructionStatuses.UnderConstruction, ActualInvestmentToDateFen = 0 } };
        var result = Rule(none, "R-A7-RECENT");
        Assert.False(result.Passed);
        Assert.Contains("实际投入", result.ReasonZh, StringComparison.Ordinal);
        Assert.True(Rule(Samples.Content(), "R-A7-RECENT").Passed);
    }

    [Fact, Trait("Req", "R-A7-RECENT")]
    public void A_future_establishment_date_fails()
    {
        var content = Samples.Content() with
        {
            Construction = new Construction { Status = ConstructionStatuses.Built, EstablishedOn = Samples.Today.AddDays(1), ActualInvestmentToDateFen = 1 },
        };
        Assert.False(Rule(content, "R-A7-RECENT").Passed);
    }

    [Theory, Trait("Req", "R-A7-LEAD"), Trait("Req", "R-A5-LEADTYPES")]
    [InlineData("leading-enterprise", "high-market-share", true)]
    [InlineData("research-institution", "world-class-university", true)]
    [InlineData("research-hospital", "grade-3a", true)]
    [InlineData("research-hospital", null, false)]
    [InlineData(null, null, false)]
    public void The_lead_unit_is_of_an_Art_5_type_with_its_Art_7_qualification(string? type, string? qualification, bool passes)
    {
        var unit = Samples.Unit() with { LeadUnitType = type, Qualification = qualification };
        Assert.Equal(passes, EligibilityScreening.Lead(unit).Passed);
    }

    [Theory, Trait("Req", "R-A7-ENTITY")]
    [InlineData(true, true, true, "过渡方案", true)]
    [InlineData(true, false, true, "过渡方案", false)]
    [InlineData(true, true, true, null, false)]
    public void A_transitional_entity_needs_independent_people_finance_assets_and_a_plan(bool people, bool finance, bool assets, string? plan, bool passes)
    {
        var unit = Samples.Unit() with
        {
            LegalPersonStatus = LeadQualifications.TransitionalStatus,
            Transitional = new TransitionalArrangement(people, finance, assets, plan),
        };
        Assert.Equal(passes, EligibilityScreening.Entity(unit).Passed);
        Assert.False(EligibilityScreening.Entity(Samples.Unit() with { LegalPersonStatus = null }).Passed);
    }

    [Fact, Trait("Req", "R-A7-GOVERNANCE")]
    public void Governance_needs_a_body_the_legal_person_responsibility_system_and_the_rules()
    {
        Assert.False(EligibilityScreening.Governance(Samples.Unit() with { Governance = null }).Passed);
        var noIp = EligibilityScreening.Governance(Samples.Unit() with { Governance = new Governance("council", true, true, false, true) });
        Assert.False(noIp.Passed);
        Assert.Contains("知识产权", noIp.ReasonZh, StringComparison.Ordinal);
        Assert.True(EligibilityScreening.Governance(Samples.Unit() with { Governance = new Governance("expert-committee", true, true, true, true) }).Passed);
    }

    [Fact, Trait("Req", "R-A7-FACILITIES")]
    public void Dedicated_facilities_must_be_declared()
    {
        var content = Samples.Content() with { Foundation = new Foundation { ExistingWork = "基础", Facilities = [] } };
        Assert.False(Rule(content, "R-A7-FACILITIES").Passed);
    }

    [Fact, Trait("Req", "R-A7-GOALS")]
    public void Goals_need_core_technology_tasks_and_measurable_stage_targets()
    {
        var noTasks = Samples.Content() with { Goals = Samples.Content().Goals! with { CoreTechnologyTasks = [] } };
        Assert.False(Rule(noTasks, "R-A7-GOALS").Passed);
        var unmeasurable = Samples.Content() with
        {
            Goals = Samples.Content().Goals! with { StageTargets = [new StageTarget("第一年", "专利", null, "件", null)] },
        };
        var result = Rule(unmeasurable, "R-A7-GOALS");
        Assert.False(result.Passed);
        Assert.Contains("可考核", result.ReasonZh, StringComparison.Ordinal);
    }
}
