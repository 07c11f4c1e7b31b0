using Zgc.Review.Domain;
using Zgc.SharedKernel;

namespace Zgc.Review.Tests.Domain;

/// <summary>Conflicts of interest, the draw's tiers, declarations, declines and scoring on a panel (R-A13-EXPERT).</summary>
public class ExpertPanelTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);
    private const string UnitUscc = "91110108MA01ABCD1X";
    private const string IntegratedUscc = "91110000MA00ABCDE1";

    private static readonly PanelSettings Settings = new(5, 67, 20m, ScoringPolicy.Default);

    private static Expert NewExpert(string id, string employerUscc, string field = "next-generation-it", string[]? subAreas = null, string[]? conflicts = null,
        bool active = true) =>
        Expert.Create(new ExpertDetails(id, "专家", "单位", employerUscc, "教授", [field], subAreas ?? [], conflicts ?? [], active), Now);

    private static ReviewCase Case(string? subArea = null) => ReviewCase.Open(Guid.NewGuid(), UnitUscc, "Unit", "Platform", "next-generation-it", "haidian", Now,
        subArea, [IntegratedUscc]);

    private static List<Expert> Clean(int count, string prefix = "e", string field = "next-generation-it", string[]? subAreas = null) =>
        [.. Enumerable.Range(0, count).Select(i => NewExpert($"{prefix}{i:D2}", $"91110000MA{i:D7}Q", field, subAreas))];

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Experts_employed_by_an_integrated_enterprise_or_the_unit_or_declaring_a_conflict_are_never_drawn()
    {
        var conflicted = new[]
        {
            NewExpert("at-integrated", IntegratedUscc),
            NewExpert("at-unit", UnitUscc.ToLowerInvariant()),
            NewExpert("declared", "91110000MA9999999Q", conflicts: [IntegratedUscc]),
        };
        var experts = Clean(5).Concat(conflicted).ToList();

        // Whatever the seed, none of the conflicted experts sits on the panel.
        for (var seed = 0L; seed < 200; seed++)
        {
            var panel = ExpertPanel.Form(Case(), experts, Settings, seed, "officer", Now);
            Assert.DoesNotContain(panel.Members, m => m.ExpertUserId is "at-integrated" or "at-unit" or "declared");
            Assert.DoesNotContain(panel.Pool, id => id is "at-integrated" or "at-unit" or "declared");
        }
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Without_enough_unconflicted_experts_no_panel_is_formed()
    {
        var reviewCase = Case();
        var experts = Clean(4).Append(NewExpert("at-integrated", IntegratedUscc)).ToList();

        var error = Assert.Throws<RuleViolationException>(() => ExpertPanel.Form(reviewCase, experts, Settings, 1, "officer", Now));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(ReviewStage.UnderReview, reviewCase.Stage);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void The_same_seed_and_pool_reproduce_the_panel()
    {
        var experts = Clean(11);

        var first = ExpertPanel.Form(Case(), experts, Settings, 987654321, "officer", Now);
        var second = ExpertPanel.Form(Case(), Enumerable.Reverse(experts), Settings, 987654321, "someone else", Now.AddDays(3));

        Assert.Equal(first.Members.Select(m => m.ExpertUserId), second.Members.Select(m => m.ExpertUserId));
        Assert.Equal(PanelDraw.Order(first.Pool, first.Seed).Take(5), first.Members.Select(m => m.ExpertUserId));
        Assert.Equal(987654321, first.Seed);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void The_sub_area_is_preferred_when_it_has_enough_experts_and_else_the_field()
    {
        var subAreaExperts = Clean(5, "ic", subAreas: ["integrated-circuits"]);
        var fieldExperts = Clean(6, "it");
        var otherField = Clean(6, "bio", field: "bio-health");

        var bySubArea = ExpertPanel.Form(Case("integrated-circuits"), [.. subAreaExperts, .. fieldExperts, .. otherField], Settings, 7, "officer", Now);
        var byField = ExpertPanel.Form(Case("integrated-circuits"), [.. subAreaExperts.Take(4), .. fieldExperts, .. otherField], Settings, 7, "officer", Now);
        var byAll = ExpertPanel.Form(Case(), [.. fieldExperts.Take(2), .. otherField], Settings, 7, "officer", Now);

        Assert.Equal("sub-area", bySubArea.PoolTier);
        Assert.All(bySubArea.Members, m => Assert.StartsWith("ic", m.ExpertUserId, StringComparison.Ordinal));
        Assert.Equal("field", byField.PoolTier);
        Assert.DoesNotContain(byField.Members, m => m.ExpertUserId.StartsWith("bio", StringComparison.Ordinal));
        Assert.Equal("all-fields", byAll.PoolTier);
    }

    [Theory, Trait("Req", "R-A13-EXPERT")]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void A_panel_has_at_least_five_experts_an_odd_number(int size)
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            ExpertPanel.Form(Case(), Clean(9), Settings with { Size = size }, 1, "officer", Now));

        Assert.Equal("size", error.Field);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void An_expert_scores_only_after_the_declaration_and_only_once()
    {
        var panel = ExpertPanel.Form(Case(), Clean(5), Settings, 3, "officer", Now);
        var id = panel.Members[0].ExpertUserId;
        var scores = Criteria.All.ToDictionary(c => c, _ => 80m);

        var undeclared = Assert.Throws<RuleViolationException>(() => panel.Submit(id, scores, null, true, Now));
        Assert.Equal("declaration", undeclared.Field);
        Assert.Equal(409, undeclared.StatusCode);

        panel.Declare(id, Now);
        Assert.False(panel.Submit(id, scores, "好", true, Now));

        var again = Assert.Throws<RuleViolationException>(() => panel.Submit(id, Criteria.All.ToDictionary(c => c, _ => 10m), null, false, Now));
        Assert.Equal(409, again.StatusCode);
        Assert.Equal(80m, panel.Members[0].Significance);
        Assert.True(panel.Members[0].Support);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_reopened_score_can_be_submitted_again_and_the_reopening_is_recorded()
    {
        var panel = ExpertPanel.Form(Case(), Clean(5), Settings, 3, "officer", Now);
        var id = panel.Members[0].ExpertUserId;
        panel.Declare(id, Now);
        panel.Submit(id, Criteria.All.ToDictionary(c => c, _ => 80m), null, true, Now);

        Assert.Throws<RuleViolationException>(() => panel.Reopen(id, " ", "officer", Now));
        panel.Reopen(id, "打分录入错误", "officer", Now);
        panel.Submit(id, Criteria.All.ToDictionary(c => c, _ => 60m), null, false, Now);

        Assert.Equal(60m, panel.Members[0].Significance);
        Assert.Contains(panel.Changes, c => c.Kind == "reopened" && c.Reason == "打分录入错误" && c.By == "officer");
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_declining_expert_is_replaced_by_the_next_of_the_draw_order()
    {
        var experts = Clean(8);
        var reviewCase = Case();
        var panel = ExpertPanel.Form(reviewCase, experts, Settings, 11, "officer", Now);
        var order = PanelDraw.Order(panel.Pool, panel.Seed);
        var decliner = panel.Members[2].ExpertUserId;

        var replacement = panel.Decline(decliner, "曾参与该平台方案编制", conflict: true, ExpertPanel.Eligible(experts, reviewCase).ToList(), Now);

        Assert.NotNull(replacement);
        Assert.Equal(order[5], replacement.ExpertUserId);
        Assert.Equal(5, panel.Seated.Count());
        Assert.True(panel.Member(decliner).ConflictDeclared);
        Assert.Contains(panel.Changes, c => c.Kind == "declined-conflict" && c.ExpertUserId == decliner && c.ReplacementUserId == order[5]);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_seat_left_empty_by_a_decline_is_filled_once_the_pool_has_an_eligible_expert()
    {
        var experts = Clean(5);
        var reviewCase = Case();
        var panel = ExpertPanel.Form(reviewCase, experts, Settings, 2, "officer", Now);
        var decliner = panel.Members[0].ExpertUserId;

        Assert.Null(panel.Decline(decliner, "出差", conflict: false, ExpertPanel.Eligible(experts, reviewCase).ToList(), Now));
        Assert.Equal(4, panel.Seated.Count());
        var newcomer = NewExpert("newcomer", "91110000MA7777777Q");
        panel.Replace(decliner, "newcomer", "补充专家", [.. ExpertPanel.Eligible([.. experts, newcomer], reviewCase)], "officer", Now);

        Assert.Equal(5, panel.Seated.Count());
        Assert.Equal(MemberStatus.Declined, panel.Member(decliner).Status);
        Assert.Throws<RuleViolationException>(() =>
            panel.Replace(decliner, null, "再补一位", [.. ExpertPanel.Eligible([.. experts, newcomer], reviewCase)], "officer", Now));
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_manual_replacement_needs_a_reason_and_an_unconflicted_expert()
    {
        var experts = Clean(6).Append(NewExpert("at-integrated", IntegratedUscc)).ToList();
        var reviewCase = Case();
        var panel = ExpertPanel.Form(reviewCase, experts, Settings, 5, "officer", Now);
        var eligible = ExpertPanel.Eligible(experts, reviewCase).ToList();
        var seated = panel.Members[0].ExpertUserId;
        var spare = experts.Select(e => e.UserId).Single(id => id != "at-integrated" && panel.Members.All(m => m.ExpertUserId != id));

        var noReason = Assert.Throws<RuleViolationException>(() => panel.Replace(seated, spare, "", eligible, "officer", Now));
        Assert.Equal("reason", noReason.Field);
        var conflicted = Assert.Throws<RuleViolationException>(() => panel.Replace(seated, "at-integrated", "专业更对口", eligible, "officer", Now));
        Assert.Equal("replacementUserId", conflicted.Field);
        Assert.Equal(MemberStatus.Assigned, panel.Members[0].Status);

        panel.Replace(seated, spare, "专业更对口", eligible, "officer", Now);

        Assert.Equal(MemberStatus.Replaced, panel.Member(seated).Status);
        Assert.Equal("manual", panel.Member(spare).JoinedBy);
        Assert.Contains(panel.Changes, c => c.Kind == "replaced" && c.Reason == "专业更对口");
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Closing_early_needs_the_quorum()
    {
        var panel = ExpertPanel.Form(Case(), Clean(5), Settings, 3, "officer", Now);
        foreach (var m in panel.Members.Take(3))
        {
            panel.Declare(m.ExpertUserId, Now);
            panel.Submit(m.ExpertUserId, Criteria.All.ToDictionary(c => c, _ => 80m), null, true, Now);
        }

        Assert.Equal(4, panel.Quorum);
        var error = Assert.Throws<RuleViolationException>(() => panel.Close("officer", Now, early: true, "会期已到"));
        Assert.Equal(409, error.StatusCode);
        Assert.Equal(PanelStatus.Open, panel.Status);

        var fourth = panel.Members[3].ExpertUserId;
        panel.Declare(fourth, Now);
        panel.Submit(fourth, Criteria.All.ToDictionary(c => c, _ => 70m), null, true, Now);
        var result = panel.Close("officer", Now, early: true, "会期已到");

        Assert.Equal(PanelStatus.Closed, panel.Status);
        Assert.Equal(4, result.ScoresReceived);
        Assert.Equal(77.50m, result.TrimmedMean);
    }
}
