using Zgc.Intake.Domain;
using Zgc.SharedKernel;

namespace Zgc.Intake.Tests.Domain;

/// <summary>The GB 32100-2015 check of unified social credit codes, on codes companies publish and on corrupted ones.</summary>
public class UsccTests
{
    /// <summary>
    /// Codes published by the companies (business licences shown on their sites, annual reports, the national
    /// enterprise credit system): Huawei Technologies Co., Ltd.; Shenzhen Tencent Computer Systems (腾讯科技（深圳）);
    /// Beijing Baidu Netcom Science and Technology; Alibaba (China) Network Technology; Xiaomi Inc. (小米科技有限责任公司).
    /// </summary>
    public static TheoryData<string> PublishedCodes => new()
    {
        "914403001922038216",
        "91440300708461136T",
        "91110000802100433B",
        "91330100716105852F",
        "91110108551385082Q",
    };

    [Theory, MemberData(nameof(PublishedCodes))]
    public void Real_published_codes_pass(string code)
    {
        Assert.True(Uscc.IsValid(code));
        Assert.Equal(code, Uscc.Normalize($"  {code.ToLowerInvariant()} ", "unit"));
    }

    [Theory, MemberData(nameof(PublishedCodes))]
    public void Every_wrong_check_character_fails(string code)
    {
        foreach (var wrong in "0123456789ABCDEFGHJKLMNPQRTUWXY".Where(c => c != code[^1]))
        {
            Assert.False(Uscc.IsValid(code[..^1] + wrong), $"{code[..^1]}{wrong}");
        }
    }

    [Theory, MemberData(nameof(PublishedCodes))]
    public void A_mistyped_or_swapped_character_fails(string code)
    {
        // One changed character in the body, and two neighbouring different characters swapped.
        var changed = code[..5] + (code[5] == '1' ? '2' : '1') + code[6..];
        Assert.False(Uscc.IsValid(changed));
        var i = Enumerable.Range(2, 14).First(k => code[k] != code[k + 1]);
        var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
        Assert.False(Uscc.IsValid(swapped));
    }

    [Theory]
    [InlineData("91440300708461136", "has 17")]
    [InlineData("914403007084611360T", "has 19")]
    [InlineData("91440300708461136I", "'I' may not appear")]
    [InlineData("9144030070846113OT", "'O' may not appear")]
    [InlineData("91110108MA01ABCD1X", "check character")]
    public void Malformed_codes_are_refused_naming_the_field_and_the_rule(string code, string expected)
    {
        var error = Assert.Throws<RuleViolationException>(() => Uscc.Normalize(code, "unitUscc"));
        Assert.Equal("unitUscc", error.Field);
        Assert.Equal(Uscc.Rule, error.Rule);
        Assert.Contains(expected, error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_character_can_be_computed()
    {
        Assert.Equal('6', Uscc.CheckCharacterFor("91440300192203821"));
        Assert.Null(Uscc.CheckCharacterFor("9144030019220382I"));
    }
}
