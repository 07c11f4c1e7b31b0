using netDumbster.smtp;
using Zgc.Console.Auth;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Operations;

/// <summary>The standalone host with <c>Console:Smtp</c> pointed at a local test SMTP server that keeps what it receives.</summary>
public sealed class MailingProgramme : BrowserProgramme
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(FreePort());

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Console:Smtp:Host"] = "127.0.0.1",
        ["Console:Smtp:Port"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Console:Smtp:Security"] = "None",
        ["Console:Smtp:Interval"] = "00:00:01",
        ["Console:Smtp:From"] = "zgc-platform@example.cn",
        ["Console:Smtp:Recipients:applicant"] = "applicant@example.cn",
    };

    public override async ValueTask DisposeAsync()
    {
        Smtp.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>E-mail through SMTP when configured: a return for correction reaches the applicant's mailbox once.</summary>
public sealed class MailTests(MailingProgramme programme) : IClassFixture<MailingProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_return_for_correction_is_mailed_to_the_applicant_once()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var id = await driver.Submit(ConsoleUsers.SeededApplicantUnit);
        await driver.SubParkDecides(id, "return", "缺少场地证明材料");

        var mail = await Eventually.Get(() => Task.FromResult(programme.Smtp.ReceivedEmail.FirstOrDefault(m => m.MessageParts.Any(p => p.BodyData.Contains("退回补正", StringComparison.Ordinal)))),
            m => m is not null, "the return-for-correction e-mail");
        Assert.Equal("applicant@example.cn", mail!.ToAddresses.Single().Address);
        Assert.Contains("returned for correction", mail.MessageParts[0].BodyData, StringComparison.Ordinal);

        // Later rounds send nothing new for the same matter.
        var count = programme.Smtp.ReceivedEmailCount;
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Equal(count, programme.Smtp.ReceivedEmailCount);
    }
}
