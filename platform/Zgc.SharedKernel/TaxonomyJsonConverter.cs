using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zgc.SharedKernel;

/// <summary>
/// A taxonomy entry travels as its code string, e.g. <c>"haidian"</c>, both as a value and as a dictionary key.
/// An unknown code raises the <see cref="TaxonomyException"/> of the list, which names the field and the rule
/// and lists the valid codes, so a bad request body gets the same helpful answer as a bad query value.
/// </summary>
public sealed class TaxonomyJsonConverter<T> : JsonConverter<T>
    where T : TaxonomyCode<T>, ITaxonomy<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.Parse(reader.GetString())
            : throw new JsonException($"A {typeof(T).Name} must be a JSON string code, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Code);
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(value.Code);
    }
}
