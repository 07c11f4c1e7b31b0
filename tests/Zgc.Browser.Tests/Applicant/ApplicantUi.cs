using System.Text;
using Microsoft.Playwright;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Applicant;

/// <summary>The applicant's steps through the console's pages only, shared by the applicant tests (and usable by a scenario).</summary>
public static class ApplicantUi
{
    /// <summary>Registers (or updates) the signed-in applicant's unit on /applicant/unit so that it meets Art. 7 (一).</summary>
    public static async Task RegisterUnit(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("applicant/unit");
        await BrowserProgramme.Interactive(page);
        await page.GetByTestId("unit-name").FillAsync("北京示例科技有限公司");
        await page.GetByTestId("unit-lead-type").SelectOptionAsync("leading-enterprise");
        await page.GetByTestId("unit-qualification").SelectOptionAsync("high-market-share");
        await page.GetByTestId("unit-legal-status").SelectOptionAsync("independent-legal-person");
        await page.GetByTestId("unit-governance-body").SelectOptionAsync("board");
        await page.GetByTestId("unit-legal-responsibility").CheckAsync();
        await page.GetByTestId("unit-talent-rules").CheckAsync();
        await page.GetByTestId("unit-ip-rules").CheckAsync();
        await page.GetByTestId("unit-funding-rules").CheckAsync();
        await page.GetByTestId("contact-name").First.FillAsync("张三");
        await page.GetByTestId("contact-phone").First.FillAsync("010-12345678");
        await page.GetByTestId("unit-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-saved")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Fills every section of a new application (on /applicant/applications/new) so that it passes every Art. 7 rule in
    /// advanced manufacturing (10 integrated enterprises, imported from a CSV).
    /// </summary>
    public static async Task FillEligibleApplication(IPage page, string platformName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId("app-platform-name").FillAsync(platformName);
        await page.GetByTestId("app-industry-field").SelectOptionAsync("advanced-manufacturing");
        await page.GetByTestId("app-sub-area").SelectOptionAsync("additive-manufacturing");
        await page.GetByTestId("app-sub-park").SelectOptionAsync("haidian");
        await page.GetByTestId("app-basic-information").FillAsync("单位成立于2010年，主营增材制造装备。");
        await page.GetByTestId("app-necessity").FillAsync("弥补区域增材制造产业链短板。");
        await page.GetByTestId("app-innovation-goals").FillAsync("建成国内领先的增材制造协同创新平台。");
        await page.GetByTestId("task-text").First.FillAsync("高性能金属粉末制备技术攻关");
        await page.GetByTestId("target-stage").First.FillAsync("第一年");
        await page.GetByTestId("target-indicator").First.FillAsync("发明专利申请");
        await page.GetByTestId("target-value").First.FillAsync("20");
        await page.GetByTestId("target-unit").First.FillAsync("件");
        await page.GetByTestId("target-due").First.FillAsync("2027-12-31");
        await page.GetByTestId("app-construction-content").FillAsync("建设工艺研发、检测验证和人才培养三大功能板块。");
        await page.GetByTestId("app-existing-work").FillAsync("已建成金属3D打印中试线一期。");
        await page.GetByTestId("facility-kind").First.SelectOptionAsync("pilot-workshop");
        await page.GetByTestId("facility-description").First.FillAsync("中试车间2000平方米");
        await page.GetByTestId("milestone-due").First.FillAsync("2027-06-30");
        await page.GetByTestId("milestone-description").First.FillAsync("一期建成投入运行");
        await page.GetByTestId("app-leader-name").FillAsync("李四");
        await page.GetByTestId("app-leader-title").SelectOptionAsync("academician");
        await page.GetByTestId("app-leader-position").FillAsync("首席科学家");
        await page.GetByTestId("app-full-time-staff").FillAsync("12");

        await page.GetByTestId("funding-category").Nth(0).SelectOptionAsync("equipment-materials");
        await page.GetByTestId("funding-amount").Nth(0).FillAsync("30000000");
        await page.GetByTestId("funding-add").ClickAsync();
        await page.GetByTestId("funding-category").Nth(1).SelectOptionAsync("personnel");
        await page.GetByTestId("funding-amount").Nth(1).FillAsync("15000000");
        await page.GetByTestId("funding-add").ClickAsync();
        await page.GetByTestId("funding-category").Nth(2).SelectOptionAsync("land");
        await page.GetByTestId("funding-amount").Nth(2).FillAsync("10000000.05");
        await Assertions.Expect(page.GetByTestId("funding-total")).ToHaveAttributeAsync("data-fen", "5500000005");

        // Line 1 is the header, lines 2–11 the ten enterprises, line 12 a code with a wrong check character (reported, not added).
        await ImportEnterprises(page, EnterpriseCsv(10, badLine: true));
        await Assertions.Expect(page.GetByTestId("enterprise-row")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-testid=csv-bad-line][data-line='12']")).ToBeVisibleAsync();

        await page.GetByTestId("app-construction-status").SelectOptionAsync("under-construction");
        await page.GetByTestId("app-actual-investment").FillAsync("8000000");
    }

    /// <summary>Ticks the commitment and submits; the caller checks the outcome.</summary>
    public static async Task Submit(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId("app-commitment").CheckAsync();
        await page.GetByTestId("app-submit").ClickAsync();
    }

    /// <summary>Chooses <paramref name="csv"/> in the CSV import and waits until the import has finished.</summary>
    public static async Task ImportEnterprises(IPage page, string csv)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId("csv-file").SetInputFilesAsync(new FilePayload
        {
            Name = "enterprises.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Assertions.Expect(page.GetByTestId("csv-status")).ToHaveAttributeAsync("data-done", "true");
    }

    /// <summary>A header and <paramref name="count"/> valid enterprises; with <paramref name="badLine"/>, a last line whose check character is wrong.</summary>
    public static string EnterpriseCsv(int count, bool badLine)
    {
        var csv = new StringBuilder("name,uscc,relation\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"协同企业{i + 1},{IntakePayloads.EnterpriseUscc(i)},{(i % 3) switch { 0 => "upstream", 1 => "下游", _ => "service" }}\n");
        }

        if (badLine)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"校验码错误企业,{WrongCheckCharacter(IntakePayloads.EnterpriseUscc(900))},upstream\n");
        }

        return csv.ToString();
    }

    /// <summary>The code with its last (check) character replaced by another of the code set.</summary>
    public static string WrongCheckCharacter(string uscc)
    {
        ArgumentNullException.ThrowIfNull(uscc);
        return uscc[..^1] + (uscc[^1] == '0' ? '1' : '0');
    }
}
