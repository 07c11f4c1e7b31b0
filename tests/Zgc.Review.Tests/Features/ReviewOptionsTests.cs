using Zgc.Review.Domain;

namespace Zgc.Review.Tests.Features;

/// <summary>Panel size and the scoring policy come from configuration (section <c>Review</c>) and are recorded on each panel.</summary>
public sealed class ReviewOptionsTests
{
    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task A_configured_panel_size_and_policy_are_recorded_on_the_panel()
    {
        await using var app = new ConfiguredApp(new Dictionary<string, string?>
        {
            ["Review:PanelSize"] = "7",
            ["Review:Policy:Version"] = "2026-committee-3",
            ["Review:Policy:SupportThreshold"] = "65",
            ["Review:Policy:Weights:funding"] = "25",
        });
        await app.AddExperts(7);
        var opened = await app.OpenAndWait();

        var panel = await app.FormPanel(opened.ApplicationId);

        Assert.Equal(7, panel.Size);
        Assert.Equal(7, panel.Members.Count);
        Assert.Equal(5, panel.Quorum); // ⌈7 × 67 / 100⌉
        Assert.Equal("2026-committee-3", panel.PolicyVersion);
        Assert.Equal(65m, panel.SupportThreshold);
        Assert.Equal(25m, panel.Weights["funding"]);
        Assert.Equal(12.5m, panel.Weights["significance"]);
    }

    [Theory, Trait("Req", "R-A13-EXPERT")]
    [InlineData("Review:PanelSize", "4")]
    [InlineData("Review:PanelSize", "6")]
    [InlineData("Review:Policy:SupportThreshold", "101")]
    [InlineData("Review:Policy:Weights:team", "0")]
    [InlineData("Review:Policy:Weights:charisma", "5")]
    public async Task A_configuration_that_breaks_the_rules_stops_the_service_from_starting(string key, string value)
    {
        await using var app = new ConfiguredApp(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Review:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_policy_weighs_the_eight_criteria_equally_with_threshold_70()
    {
        var options = new ReviewOptions().ToPanelSettings();

        Assert.Equal(5, options.Size);
        Assert.Equal(4, options.Quorum);
        Assert.Equal(20m, options.OutlierThreshold);
        Assert.Equal("2019-default", options.Policy.Version);
        Assert.Equal(70m, options.Policy.SupportThreshold);
        Assert.All(Criteria.All, c => Assert.Equal(12.5m, options.Policy.Weights[c]));
    }

    private sealed class ConfiguredApp(IReadOnlyDictionary<string, string?> settings) : ReviewApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => settings;
    }
}
