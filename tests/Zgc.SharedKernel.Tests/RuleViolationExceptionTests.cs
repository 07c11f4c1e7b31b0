namespace Zgc.SharedKernel.Tests;

public class RuleViolationExceptionTests
{
    [Fact]
    public void A_rule_violation_names_the_field_and_the_rule_in_both_languages()
    {
        var error = new RuleViolationException("totalInvestmentFen", "R-A7-INVEST",
            "Total investment must be at least ¥50,000,000.00.", "总投资额不少于5000万元。");

        Assert.Equal("totalInvestmentFen", error.Field);
        Assert.Equal("R-A7-INVEST", error.Rule);
        Assert.Equal("Total investment must be at least ¥50,000,000.00.", error.MessageEn);
        Assert.Equal("总投资额不少于5000万元。", error.MessageZh);
        Assert.Equal(error.MessageEn, error.Message);
        Assert.Equal(RuleViolationException.BadRequestStatus, error.StatusCode);
    }

    [Fact]
    public void A_conflict_with_the_current_state_is_marked_as_such()
    {
        var error = new RuleViolationException(null, "R-A13-MEETING", "Already decided.", "已有会议决定。", RuleViolationException.ConflictStatus);

        Assert.Null(error.Field);
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public void The_standard_constructors_still_carry_a_rule_and_messages()
    {
        var inner = new InvalidOperationException("inner");
        var error = new RuleViolationException("outer", inner);

        Assert.Same(inner, error.InnerException);
        Assert.Equal("unspecified", error.Rule);
        Assert.Equal("outer", error.MessageZh);
        Assert.Equal("unspecified", new RuleViolationException().Rule);
        Assert.Equal("message", new RuleViolationException("message").MessageEn);
    }
}
