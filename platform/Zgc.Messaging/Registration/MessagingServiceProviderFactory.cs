using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zgc.Messaging.Registration;

/// <summary>
/// The host's service provider factory: just before the container is built — after every
/// <c>Add&lt;Service&gt;()</c> and any test overrides have run — it adds the one MassTransit bus with every
/// registered endpoint.
/// </summary>
internal sealed class MessagingServiceProviderFactory(MessagingRegistry registry, IConfiguration configuration, bool validateScopes)
    : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        var options = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        MessagingOptionsValidation.ThrowIfInvalid(options);
        services.AddMassTransit(x =>
        {
            foreach (var register in registry.Registrations)
            {
                register(x);
            }

            if (options.Transport == MessagingTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMq));
                    ConfigureEndpoints(context, cfg);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg));
            }
        });
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
        containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validateScopes, ValidateOnBuild = false });

    private void ConfigureEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator cfg)
    {
        var options = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        if (options.PrefetchCount is { } prefetch)
        {
            cfg.PrefetchCount = prefetch;
        }

        if (options.ConcurrentMessageLimit is { } limit)
        {
            cfg.ConcurrentMessageLimit = limit;
        }

        foreach (var (name, ownLimit, configure) in registry.Endpoints)
        {
            cfg.ReceiveEndpoint(name, endpoint =>
            {
                if (ownLimit is { } own)
                {
                    // Both are ceilings: the lower one holds (the bus-wide setting above is only the endpoints' default).
                    endpoint.ConcurrentMessageLimit = Math.Min(own, options.ConcurrentMessageLimit ?? own);
                }

                configure(context, endpoint);
            });
        }
    }
}
