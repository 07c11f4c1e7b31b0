using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zgc.SharedKernel;

/// <summary>
/// Money travels as a JSON integer of fen (e.g. 123456 for ¥1,234.56): exact in every client, no decimal
/// string to parse, and the same number the database stores. A string or a fractional number is refused.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"An amount of money must be a JSON integer of fen (0.01 yuan), not {reader.TokenType}.");
        }

        return reader.TryGetInt64(out var fen)
            ? Money.FromFen(fen)
            : throw new JsonException("An amount of money must be a whole number of fen (0.01 yuan) within the 64-bit range.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Fen);
    }
}
