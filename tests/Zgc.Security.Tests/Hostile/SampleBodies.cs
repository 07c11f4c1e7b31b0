using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zgc.Security.Tests.Hostile;

/// <summary>
/// A valid-looking JSON body for a request type, built from the type itself (records' constructor parameters or settable
/// properties, camelCase as the web defaults bind them), so a new endpoint gets one without anybody writing it. The hostile
/// cases then spoil one field at a time, so a refusal is about that field rather than about an empty body.
/// </summary>
public static class SampleBodies
{
    private const int MaxDepth = 5;

    public static JsonNode? For(Type type) => Sample(type, 0);

    private static JsonNode? Sample(Type type, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return type switch
        {
            _ when type == typeof(string) => JsonValue.Create("示例内容"),
            _ when type == typeof(bool) => JsonValue.Create(true),
            _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) => JsonValue.Create(1),
            _ when type == typeof(long) || type == typeof(ulong) => JsonValue.Create(100L),
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => JsonValue.Create(1m),
            _ when type == typeof(Guid) => JsonValue.Create(Guid.NewGuid()),
            _ when type == typeof(DateOnly) => JsonValue.Create(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => JsonValue.Create(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
            _ when type == typeof(TimeOnly) => JsonValue.Create("09:00:00"),
            _ when type == typeof(TimeSpan) => JsonValue.Create("01:00:00"),
            _ when type.IsEnum => JsonValue.Create(Enum.GetNames(type)[0]),
            _ when type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(JsonObject) || type == typeof(object) => new JsonObject(),
            _ when DictionaryValue(type) is { } value => new JsonObject { ["key"] = Sample(value, depth + 1) },
            _ when ElementType(type) is { } element => new JsonArray(Sample(element, depth + 1)),
            _ => Object(type, depth),
        };
    }

    private static JsonObject Object(Type type, int depth)
    {
        var json = new JsonObject();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var members = new List<(string Name, Type Type)>();
        if (constructor is not null && constructor.GetParameters().Length > 0)
        {
            members.AddRange(constructor.GetParameters().Select(p => (p.Name!, p.ParameterType)));
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            if (!members.Any(m => string.Equals(m.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                members.Add((property.Name, property.PropertyType));
            }
        }

        foreach (var (name, memberType) in members)
        {
            json[JsonNamingPolicy.CamelCase.ConvertName(name)] = Sample(memberType, depth + 1);
        }

        return json;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
            : null;
    }

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1]
        ?? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))?.GetGenericArguments()[1];
}
