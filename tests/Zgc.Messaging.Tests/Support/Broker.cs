using Zgc.Testing;

namespace Zgc.Messaging.Tests.Support;

/// <summary>Stops and starts the shared local RabbitMQ with the repository's own infrastructure scripts.</summary>
public static class Broker
{
    public static Task Stop() => LocalInfrastructure.StopRabbitMq();

    /// <summary>Idempotent: returns at once when the broker is already up.</summary>
    public static Task Start() => LocalInfrastructure.StartRabbitMq();
}
