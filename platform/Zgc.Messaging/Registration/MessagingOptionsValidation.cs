using Microsoft.Extensions.Options;

namespace Zgc.Messaging.Registration;

/// <summary>
/// The <c>Messaging</c> settings a host refuses to start with, each error naming the setting and its rule. Checked when the
/// container is built (<see cref="MessagingServiceProviderFactory"/>), before MassTransit or the delivery worker reads any
/// of them: a zero batch would claim nothing and deliver nothing, silently; a zero poll interval would spin a core.
/// </summary>
internal static class MessagingOptionsValidation
{
    public static List<string> Errors(MessagingOptions o)
    {
        var errors = new List<string>();
        if (o.OutboxBatchSize is < 1 or > MessagingOptions.MaxOutboxBatchSize)
        {
            errors.Add($"Messaging:OutboxBatchSize must be 1 to {MessagingOptions.MaxOutboxBatchSize} (outbox rows claimed per delivery round); got {o.OutboxBatchSize}.");
        }

        if (o.OutboxSendConcurrency is < 1 or > MessagingOptions.MaxOutboxSendConcurrency)
        {
            errors.Add($"Messaging:OutboxSendConcurrency must be 1 to {MessagingOptions.MaxOutboxSendConcurrency} (conversations sent side by side); got {o.OutboxSendConcurrency}.");
        }

        if (o.OutboxPollInterval <= TimeSpan.Zero)
        {
            errors.Add($"Messaging:OutboxPollInterval must be longer than zero (e.g. 00:00:00.1); got {o.OutboxPollInterval}.");
        }

        if (o.OutboxBusyPollInterval < TimeSpan.Zero)
        {
            errors.Add($"Messaging:OutboxBusyPollInterval must be zero or more; got {o.OutboxBusyPollInterval}.");
        }

        if (o.SendTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Messaging:SendTimeout must be longer than zero; got {o.SendTimeout}.");
        }

        if (o.PrefetchCount is < 1)
        {
            errors.Add($"Messaging:PrefetchCount must be 1 or more, or left out for MassTransit's default; got {o.PrefetchCount}.");
        }

        if (o.ConcurrentMessageLimit is < 1)
        {
            errors.Add($"Messaging:ConcurrentMessageLimit must be 1 or more, or left out for MassTransit's default; got {o.ConcurrentMessageLimit}.");
        }

        if (o.OutboxRetention < TimeSpan.Zero)
        {
            errors.Add($"Messaging:OutboxRetention must be zero or more; got {o.OutboxRetention}.");
        }

        if (o.InboxRetention <= TimeSpan.Zero)
        {
            errors.Add($"Messaging:InboxRetention must be longer than zero (a message arriving again after it would be handled again); got {o.InboxRetention}.");
        }

        if (o.Transport == MessagingTransport.RabbitMq
            && (!Uri.TryCreate(o.RabbitMq, UriKind.Absolute, out var broker) || broker.Scheme is not ("amqp" or "amqps")))
        {
            errors.Add("Messaging:RabbitMq must be an amqp:// or amqps:// address (e.g. amqp://guest:guest@127.0.0.1:5672/).");
        }

        return errors;
    }

    /// <summary>Throws, listing every error, when the settings are not usable.</summary>
    public static void ThrowIfInvalid(MessagingOptions o)
    {
        var errors = Errors(o);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(MessagingOptions), errors);
        }
    }
}
