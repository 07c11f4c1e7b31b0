using Zgc.Review.Domain;
using Zgc.SharedKernel;

namespace Zgc.Review.Tests.Domain;

/// <summary>
/// Whoever sits on a case's expert panel does not also act for the committee on that case: a user holding both the
/// expert and the committee-officer role is never drawn onto a panel they form, and cannot manage a panel they sit on.
/// </summary>
public class SegregationOfDutiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly PanelSettings Settings = new(5, 67, 20m, ScoringPolicy.Default);

    private static ReviewCase Case() => ReviewCase.Open(Guid.NewGuid(), "91110108MA01ABCD1X", "Unit", "Platform", "next-generation-it", "haidian", Now,
        null, ["91110000MA00ABCDE1"]);

    private static List<Expert> Pool(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Expert.Create(new ExpertDetails($"e{i:D2}", "专家", "单位", $"91110000MA{i:D7}Q", "教授", ["next-generation-it"], [], [], true), Now))];

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void The_officer_forming_a_panel_is_never_drawn_onto_it()
    {
        var experts = Pool(6);
        for (var seed = 0L; seed < 100; seed++)
        {
            var panel = ExpertPanel.Form(Case(), experts, Settings, seed, "e00", Now);
            Assert.DoesNotContain(panel.Members, m => m.ExpertUserId == "e00");
            Assert.DoesNotContain("e00", panel.Pool);
        }
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_member_of_the_panel_cannot_replace_reopen_or_close_it()
    {
        var experts = Pool(7);
        var panel = ExpertPanel.Form(Case(), experts, Settings, 7, "officer", Now);
        var member = panel.Members[0].ExpertUserId;
        var other = panel.Members[1].ExpertUserId;

        AssertRefused(() => panel.Replace(other, null, "无法参加", experts, member, Now));
        AssertRefused(() => panel.Reopen(other, "需要复核", member, Now));
        AssertRefused(() => panel.Close(member, Now, early: true, "提前结束"));

        Assert.Equal(PanelStatus.Open, panel.Status);
        Assert.All(panel.Members, m => Assert.Equal(MemberStatus.Assigned, m.Status));
        Assert.Single(panel.Changes); // only "formed"
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void An_officer_cannot_seat_themselves_as_a_replacement()
    {
        var experts = Pool(7);
        var panel = ExpertPanel.Form(Case(), experts, Settings, 7, "officer", Now);
        var outsider = experts.Select(e => e.UserId).First(id => panel.Members.All(m => m.ExpertUserId != id));

        var error = AssertRefused(() => panel.Replace(panel.Members[0].ExpertUserId, outsider, "无法参加", experts, outsider, Now));

        Assert.Equal("replacementUserId", error.Field);
        Assert.DoesNotContain(panel.Members, m => m.ExpertUserId == outsider);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Having_left_the_panel_still_counts_but_an_officer_who_never_sat_on_it_may_act()
    {
        var experts = Pool(7);
        var panel = ExpertPanel.Form(Case(), experts, Settings, 7, "officer", Now);
        var replaced = panel.Members[0].ExpertUserId;
        panel.Replace(replaced, null, "无法参加", experts, "officer", Now);
        Assert.Equal(MemberStatus.Replaced, panel.Members[0].Status);

        AssertRefused(() => ExpertPanel.EnsureNotOnPanel([panel], replaced, "decide"));
        ExpertPanel.EnsureNotOnPanel([panel], "officer", "decide");
        ExpertPanel.EnsureNotOnPanel([], replaced, "decide");
    }

    private static RuleViolationException AssertRefused(Action action)
    {
        var error = Assert.Throws<RuleViolationException>(action);
        Assert.Equal(Rules.SegregationOfDuties, error.Rule);
        Assert.Equal(403, error.StatusCode);
        return error;
    }
}
