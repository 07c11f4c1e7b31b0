using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zgc.Intake.Persistence;

/// <summary>
/// Stores a value object (an application's content, a unit's profile, a screening result) as one JSON text column.
/// These documents are read and written whole, never queried inside.
/// </summary>
/// <remarks>
/// The documents are immutable (records with <c>init</c> properties and read-only lists), and the domain changes one by
/// assigning a new document, never by editing it in place. So a change is a new reference: the comparer compares
/// references and the snapshot is the value itself. Comparing and snapshotting by JSON (serialize both, deserialize a
/// copy) was 12 % of intake's CPU under load (docs/performance.md).
/// </remarks>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options)!,
            new ValueComparer<T>(
                (a, b) => ReferenceEquals(a, b),
                v => RuntimeHelpers.GetHashCode(v),
                v => v));
        return property;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
