using System.Text.Json;

namespace Zgc.Messaging.Faults;

/// <summary>What a MassTransit JSON envelope says about itself; null when the body is not one (e.g. the reason it faulted).</summary>
internal sealed record EnvelopeInfo(Guid? MessageId, string MessageTypes)
{
    public static EnvelopeInfo? TryRead(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messageType", out var types) || types.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            Guid? messageId = root.TryGetProperty("messageId", out var id) && id.TryGetGuid(out var parsed) ? parsed : null;
            return new EnvelopeInfo(messageId, string.Join(";", types.EnumerateArray().Select(t => t.GetString())));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
