using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Zgc.Messaging.Tests;

/// <summary>The messaging settings an operator can get wrong are refused at start-up, naming the setting and its range.</summary>
public sealed class MessagingOptionsTests
{
    [Fact]
    public void A_delivery_round_claims_250_rows_unless_configured()
    {
        using var host = Build(setting: null);

        Assert.Equal(250, host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.OutboxBatchSize);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("5001")]
    public async Task An_outbox_batch_size_out_of_range_stops_the_host_at_start_up_naming_the_setting(string setting)
    {
        using var host = Build(setting);

        // Zero would claim nothing and deliver nothing, silently; the host refuses to start instead.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Messaging:OutboxBatchSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outbox_batch_size_in_range_is_taken()
    {
        using var host = Build("40");

        Assert.Equal(40, host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.OutboxBatchSize);
    }

    private static IHost Build(string? setting)
    {
        var builder = Host.CreateApplicationBuilder();
        if (setting is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Messaging:OutboxBatchSize"] = setting });
        }

        builder.AddServiceMessaging<StatementDb>("options-test");
        return builder.Build();
    }
}
