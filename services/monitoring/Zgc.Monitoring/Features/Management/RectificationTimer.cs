using Zgc.Messaging.Outbox;

namespace Zgc.Monitoring.Features.Management;

/// <summary>
/// The token of a rectification order's deadline timer, named by the order so that completing it can cancel the timer
/// without having stored the token (a completed order never becomes overdue, R-A14-EVAL).
/// </summary>
internal static class RectificationTimer
{
    public static Guid Due(Guid orderId) => TimerToken.For(orderId, "rectification-due");
}
