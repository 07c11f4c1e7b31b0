using System.Diagnostics;
using MassTransit;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// Keeps one trace per flow across the outbox. A message is stored in one activity (the API request or the consume that
/// produced it) and sent later by the delivery worker, which has no trace of its own; without help every hop would start
/// a new trace. The producing activity's W3C context is stored with the row and the delivery runs in a child activity of
/// it, so MassTransit's send — and the consumer on the other side — continue the same trace.
/// </summary>
internal static class OutboxTracing
{
    public const string SourceName = "Zgc.Messaging";

    /// <summary>Row headers carrying the producing activity's context (W3C traceparent and tracestate).</summary>
    public const string ParentHeader = "Zgc-TraceParent";
    public const string StateHeader = "Zgc-TraceState";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Adds the current activity's context to the headers about to be stored.</summary>
    public static void Capture(IDictionary<string, object> headers)
    {
        if (Activity.Current is not { } current || current.IdFormat != ActivityIdFormat.W3C || current.Id is null)
        {
            return;
        }

        headers[ParentHeader] = current.Id;
        if (!string.IsNullOrEmpty(current.TraceStateString))
        {
            headers[StateHeader] = current.TraceStateString;
        }
    }

    /// <summary>The stored producing context (W3C traceparent), or null.</summary>
    public static string? StoredParent(Headers headers) =>
        headers.TryGetHeader(ParentHeader, out var parent) && parent is string traceParent ? traceParent : null;

    /// <summary>Starts the delivery activity as a child of the stored context (null when nothing listens or none was stored).</summary>
    public static Activity? StartDelivery(Headers headers, string messageType, Guid messageId)
    {
        if (!headers.TryGetHeader(ParentHeader, out var parent) || parent is not string traceParent
            || !ActivityContext.TryParse(traceParent, headers.TryGetHeader(StateHeader, out var state) ? state as string : null, out var context))
        {
            return null;
        }

        var activity = Source.StartActivity("outbox deliver", ActivityKind.Internal, context);
        activity?.SetTag("messaging.message.id", messageId.ToString());
        activity?.SetTag("messaging.message.type", messageType);
        return activity;
    }
}
