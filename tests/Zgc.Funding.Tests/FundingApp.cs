using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Features;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;
using Zgc.Testing;

namespace Zgc.Funding.Tests;

public class FundingApp : ServiceAppFactory<Program>
{
    public const string Uscc = "91110108MA01ABCD1X";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public IBus Bus => Services.GetRequiredService<IBus>();

    public static PrepareAgreement NewPlatform(long supportBaseFen = 40_000_000_00, bool especiallyMajor = false, string uscc = Uscc,
        string field = "next-generation-it", string subPark = "haidian", Guid? applicationId = null) =>
        new(applicationId ?? Guid.NewGuid(), "集成电路设计服务平台", uscc, "北京示例科技有限公司", field, subPark, especiallyMajor,
            especiallyMajor ? "市委市政府决策〔2026〕1号" : null, supportBaseFen + 20_000_000_00, supportBaseFen, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Sends the command the workflows service sends, and waits for the drafted agreement.</summary>
    public async Task<Agreement> Draft(PrepareAgreement command)
    {
        await Bus.Publish(command, Ct);
        return await Eventually.Get(() => AgreementOf(command.ApplicationId), a => a is not null, $"agreement of {command.ApplicationId}");
    }

    public Task<Agreement?> AgreementOf(Guid applicationId) => InDb<FundingDbContext, Agreement?>(db =>
        db.Agreements.AsNoTracking().Include(a => a.Revisions).Include(a => a.Signatures).SingleOrDefaultAsync(a => a.ApplicationId == applicationId));

    /// <summary>Drafts, sets the year-1 award and has both parties sign: year 1 is then due.</summary>
    public async Task<Agreement> SignAgreement(PrepareAgreement command, long year1AwardFen)
    {
        var agreement = await Draft(command);
        using var officer = ClientFor(Roles.CommitteeOfficer);
        (await officer.PutAsJsonAsync($"/funding/agreements/{agreement.Id}/terms", new { year1AwardFen }, Ct)).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/signatures", new { party = "committee" }, Ct)).EnsureSuccessStatusCode();
        using var unit = ClientFor(Roles.Applicant, unit: command.UnitUscc);
        (await unit.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/signatures", new { party = "unit", signerName = "张三" }, Ct)).EnsureSuccessStatusCode();
        return (await AgreementOf(command.ApplicationId))!;
    }

    public async Task SetBudget(int fiscalYear, long amountFen)
    {
        using var preparer = ClientFor(Roles.FinancePreparer);
        (await preparer.PutAsJsonAsync($"/funding/budgets/{fiscalYear}", new { amountFen }, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>Starts a run as the preparer and waits until it is gathered.</summary>
    public async Task<RunView> GatheredRun(int fiscalYear)
    {
        using var preparer = ClientFor(Roles.FinancePreparer);
        var started = await preparer.PostAsJsonAsync("/funding/runs", new { fiscalYear }, Ct);
        started.EnsureSuccessStatusCode();
        var run = (await started.Content.ReadFromJsonAsync<RunView>(Ct))!;
        return await Eventually.Get(() => preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}", Ct), r => r?.Status == nameof(RunStatus.Draft),
            $"run {run.Id} gathered");
    }

    public Task<int> Stored(string messageType, Guid applicationId)
    {
        var id = applicationId.ToString();
        return InDb<FundingDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains(messageType) && m.Body.Contains(id)));
    }

    public static string Today() => BeijingTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
