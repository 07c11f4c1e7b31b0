using MassTransit;

namespace Zgc.Messaging.Registration;

/// <summary>
/// Collects every service's consumers while the host is being composed; the bus is configured once, at
/// <c>Build()</c>, from all of them. This is what lets one process host one service (distributed) or all
/// six (standalone) with the same <c>Add&lt;Service&gt;()</c> calls: MassTransit allows one bus per container.
/// </summary>
internal sealed class MessagingRegistry
{
    public List<Action<IBusRegistrationConfigurator>> Registrations { get; } = [];

    public List<(string Name, int? ConcurrentMessageLimit, Action<IRegistrationContext, IReceiveEndpointConfigurator> Configure)> Endpoints { get; } = [];

    public List<string> Services { get; } = [];
}
