using System.Text.Json;

namespace Zgc.Testing;

/// <summary>
/// The complete three-year path and its assertions, written once: the standalone test and the test across separate
/// processes (which links this file) walk it on their own hosts.
/// </summary>
internal static class HappyPathWalk
{
    /// <summary>Walks a new application of <paramref name="unit"/> to Completed; returns the completed instance.</summary>
    public static async Task<JsonElement> Walk(LifecycleDriver drive, string unit)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var start = await drive.Host.Now();
        await drive.ReferenceFigures(start.Year, start.Year + 4);

        var id = await drive.Submit(unit);
        await drive.Recommend(id);
        await drive.WaitForState(id, "ExpertReview");
        await drive.ExpertPanel(id, support: true);
        var awaiting = await drive.WaitForState(id, "AwaitingMeeting");
        Assert.True(awaiting.GetProperty("progress").GetProperty("expertSupported").GetBoolean());

        await drive.Decide(await drive.Meeting(id), id, "approve");
        var inNotice = await drive.WaitForState(id, "InNotice");
        var notice = await drive.Notice(id);
        Assert.Equal(notice.GetProperty("id").GetGuid(), inNotice.GetProperty("noticeId").GetGuid());

        // The notice service closes the period by its own timer once the clock passes the last working day's 24:00.
        await drive.PastNoticeEnd(notice);
        await drive.WaitForState(id, "Included");
        var agreementId = await drive.SignAgreement(id, unit);
        var year1 = await drive.WaitForState(id, "UnderConstruction");
        Assert.Equal(1, year1.GetProperty("progress").GetProperty("constructionYear").GetInt32());
        Assert.Equal(agreementId, year1.GetProperty("progress").GetProperty("agreementId").GetGuid());

        // Year 1: the agreed award (its cap: 30 % of a CNY 45,000,000 base is above the CNY 10,000,000 ceiling).
        var paid1 = await drive.PayYear(id, 1);
        Assert.Equal(10_000_000_00L, paid1.GetProperty("amountFen").GetInt64());
        await drive.WaitForProgress(id, p => p.GetProperty("paidFen").GetInt64() == 10_000_000_00L, "the year-1 payment on the lifecycle");

        var paidTotal = 10_000_000_00L;
        for (var year = 1; year <= 2; year++)
        {
            await drive.ReportAndEvaluate(id, unit, year, "pass");
            var next = year + 1;
            var moved = await drive.WaitForProgress(id, p => p.GetProperty("constructionYear").GetInt32() == next, $"construction year {next}");
            Assert.True(moved.GetProperty("progress").GetProperty("currentYearFunded").GetBoolean());

            // Years 2–3: 30 % of the accepted self-raised eligible investment (CNY 7,500,000) = CNY 2,250,000.
            var award = await drive.AwardAtCap(agreementId, next);
            Assert.Equal(2_250_000_00L, award);
            var paid = await drive.PayYear(id, next);
            Assert.Equal(award, paid.GetProperty("amountFen").GetInt64());
            paidTotal += award;
            var total = paidTotal;
            await drive.WaitForProgress(id, p => p.GetProperty("paidFen").GetInt64() == total, $"the year-{next} payment on the lifecycle");
        }

        await drive.ReportAndEvaluate(id, unit, 3, "pass");
        var completed = await drive.WaitForState(id, "Completed");
        Assert.Equal(3, completed.GetProperty("progress").GetProperty("lastEvaluatedYear").GetInt32());
        Assert.True(completed.GetProperty("progress").GetProperty("lastEvaluationPassed").GetBoolean());

        // The funding ledger: each construction year paid exactly once, and the totals agree with the lifecycle.
        var ledger = await drive.Ledger(id);
        var payments = ledger.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Payment").ToList();
        Assert.Equal([1, 2, 3], payments.Select(p => p.GetProperty("constructionYear").GetInt32()).Order());
        Assert.Equal(paidTotal, ledger.GetProperty("totals").GetProperty("paidFen").GetInt64());
        Assert.Equal(paidTotal, completed.GetProperty("progress").GetProperty("paidFen").GetInt64());
        for (var year = 1; year <= 3; year++)
        {
            Assert.Equal("Paid", (await drive.FundingYear(agreementId, year))!.Value.GetProperty("status").GetString());
        }

        Assert.Equal(
            [("Initial", "SubParkReview"), ("SubParkReview", "ExpertReview"), ("ExpertReview", "AwaitingMeeting"), ("AwaitingMeeting", "AwaitingNotice"),
                ("AwaitingNotice", "InNotice"), ("InNotice", "Included"), ("Included", "UnderConstruction"), ("UnderConstruction", "Completed")],
            LifecycleDriver.Transitions(completed).Where(t => t.From != t.To));
        Assert.All(completed.GetProperty("transitions").EnumerateArray(), t =>
        {
            Assert.False(string.IsNullOrEmpty(t.GetProperty("event").GetString()));
            Assert.NotEqual(JsonValueKind.Null, t.GetProperty("messageId").ValueKind);
        });

        return completed;
    }
}
