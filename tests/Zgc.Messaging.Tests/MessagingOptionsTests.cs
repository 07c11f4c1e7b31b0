using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Zgc.Messaging.Tests;

/// <summary>The messaging settings an operator can get wrong stop the host when it is built, naming the setting and its rule.</summary>
public sealed class MessagingOptionsTests
{
    [Fact]
    public void A_delivery_round_claims_250_rows_unless_configured()
    {
        using var host = Build([]);

        Assert.Equal(250, host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.OutboxBatchSize);
    }

    [Theory]
    [InlineData("OutboxBatchSize", "0", "1 to 5000")] // zero would claim nothing and deliver nothing, silently
    [InlineData("OutboxBatchSize", "-1", "1 to 5000")]
    [InlineData("OutboxBatchSize", "5001", "1 to 5000")]
    [InlineData("OutboxSendConcurrency", "0", "1 to 64")]
    [InlineData("OutboxSendConcurrency", "65", "1 to 64")]
    [InlineData("OutboxPollInterval", "00:00:00", "longer than zero")] // would spin a core
    [InlineData("OutboxBusyPollInterval", "-00:00:01", "zero or more")]
    [InlineData("SendTimeout", "00:00:00", "longer than zero")]
    [InlineData("PrefetchCount", "0", "1 or more")]
    [InlineData("ConcurrentMessageLimit", "0", "1 or more")]
    [InlineData("OutboxRetention", "-1.00:00:00", "zero or more")]
    [InlineData("InboxRetention", "00:00:00", "longer than zero")]
    public void A_setting_out_of_range_stops_the_host_naming_the_setting_and_its_rule(string setting, string value, string rule)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new() { [$"Messaging:{setting}"] = value }));

        var message = Assert.Single(error.Failures);
        Assert.Contains($"Messaging:{setting}", message, StringComparison.Ordinal);
        Assert.Contains(rule, message, StringComparison.Ordinal);
        Assert.Contains(value.TrimStart('-').Split('.')[^1], message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broker_address_that_is_not_amqp_is_refused_on_rabbitmq()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new()
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq"] = "http://127.0.0.1:15672/",
        }));

        Assert.Contains("Messaging:RabbitMq", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new()
        {
            ["Messaging:OutboxBatchSize"] = "0",
            ["Messaging:SendTimeout"] = "00:00:00",
        }));

        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void Settings_in_range_are_taken()
    {
        using var host = Build(new() { ["Messaging:OutboxBatchSize"] = "40", ["Messaging:OutboxSendConcurrency"] = "64", ["Messaging:OutboxBusyPollInterval"] = "00:00:00" });

        var options = host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        Assert.Equal(40, options.OutboxBatchSize);
        Assert.Equal(64, options.OutboxSendConcurrency);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceMessaging<StatementDb>("options-test");
        return builder.Build();
    }
}
