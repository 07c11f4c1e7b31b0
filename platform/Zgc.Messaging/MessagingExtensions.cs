using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MassTransit.Middleware;
using Zgc.Messaging.Inbox;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.Outbox.Transport;
using Zgc.Messaging.Registration;

namespace Zgc.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Registers a service's messaging: its consumers and state machines, its outbox (for API handlers,
    /// <see cref="IOutbox{TDb}"/>), inbox, timers and the delivery worker, all on <typeparamref name="TDb"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TDb>(this IHostApplicationBuilder builder, string service,
        Action<ServiceMessagingBuilder<TDb>>? configure = null)
        where TDb : DbContext
    {
        var registry = GetOrCreateRegistry(builder);
        if (registry.Services.Contains(service))
        {
            throw new InvalidOperationException($"Messaging for service '{service}' is registered twice.");
        }

        registry.Services.Add(service);
        var serviceBuilder = new ServiceMessagingBuilder<TDb>(service);
        configure?.Invoke(serviceBuilder);
        registry.Registrations.AddRange(serviceBuilder.Registrations);
        foreach (var (name, limit, configureEndpoint) in serviceBuilder.Endpoints)
        {
            registry.Endpoints.Add((name, limit, (context, endpoint) => serviceBuilder.ConfigureEndpoint(name, context, endpoint, configureEndpoint)));
        }

        builder.Services.AddScoped<IOutbox<TDb>, DbOutbox<TDb>>();
        builder.Services.AddScoped<IOutboxContextFactory<TDb>, DbOutboxContextFactory<TDb>>();
        builder.Services.AddSingleton(new TimerSweepSignal<TDb>(TimeProvider.System));
        builder.Services.AddSingleton<OutboxCommitSignal<TDb>>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxCommitSignal<TDb>>());
        builder.Services.AddHostedService<OutboxDeliveryService<TDb>>();
        builder.Services.AddSingleton(new ServiceMessagingInfo(service, typeof(TDb)));
        return builder;
    }

    private static MessagingRegistry GetOrCreateRegistry(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(MessagingRegistry), out var existing))
        {
            return (MessagingRegistry)existing;
        }

        var registry = new MessagingRegistry();
        builder.Properties[typeof(MessagingRegistry)] = registry;
        // Checked when the container is built (MessagingServiceProviderFactory), before anything reads the settings.
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DirectPublisher>();
        builder.ConfigureContainer(new MessagingServiceProviderFactory(registry, builder.Configuration, builder.Environment.IsDevelopment()));
        return registry;
    }
}

/// <summary>Which services this process hosts, and their databases (for operator views such as timers).</summary>
public sealed record ServiceMessagingInfo(string Service, Type DbContextType);
