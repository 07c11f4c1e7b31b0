using Microsoft.Playwright;

namespace Zgc.Browser.Tests.ApplicantReports;

/// <summary>The applicant's steps on the annual report page, shared by the tests (and usable by a scenario).</summary>
public static class ApplicantReportsUi
{
    /// <summary>Year-1 indicators (in yuan) that meet the Art. 8 checks, with one investment line and one target.</summary>
    public static async Task FillIndicators(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId("ind-rdExpenditure").FillAsync("65000");
        await page.GetByTestId("ind-revenue").FillAsync("1,000,000");
        await page.GetByTestId("ind-smesDriven").FillAsync("10");
        await page.GetByTestId("ind-drivenSmeRevenue").FillAsync("500000");
        await page.GetByTestId("ind-enterprisesServed").FillAsync("20");
        await page.GetByTestId("ind-inventionPatentsFiled").FillAsync("6");
        await page.GetByTestId("ind-inventionPatentsGranted").FillAsync("2");
        await page.GetByTestId("ind-standardsCreated").FillAsync("1");
        await page.GetByTestId("ind-majorBreakthroughs").FillAsync("1");
        await page.GetByTestId("ind-outputValue").FillAsync("3000000");
        await page.GetByTestId("ind-talent").FillAsync("引进领军人才2名，培养工程师15名");
        await page.GetByTestId("ind-events").FillAsync("举办国际论坛1次、项目对接会3次");
        await page.GetByTestId("inv-add").ClickAsync();
        await page.GetByTestId("inv-category").First.SelectOptionAsync("equipment-materials");
        await page.GetByTestId("inv-total").First.FillAsync("8000000");
        await page.GetByTestId("inv-self").First.FillAsync("6000000");
        await page.GetByTestId("tgt-add").ClickAsync();
        await page.GetByTestId("tgt-name").First.FillAsync("发明专利申请");
        await page.GetByTestId("tgt-target").First.FillAsync("20");
        await page.GetByTestId("tgt-achieved").First.FillAsync("6");
    }
}
