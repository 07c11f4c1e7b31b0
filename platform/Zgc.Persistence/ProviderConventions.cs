using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Zgc.Persistence;

/// <summary>Per-provider model conventions that keep one entity model portable across the three engines.</summary>
public static class ProviderConventions
{
    /// <summary>
    /// SQLite cannot compare or order <see cref="DateTimeOffset"/> in SQL, so instants are stored in EF's binary form
    /// (ticks and offset in one integer). That form orders by the local clock reading, not the instant, so every value
    /// — stored ones and query parameters alike — is converted to UTC first: then the integers order as the instants do.
    /// (A Beijing-time bound such as the start of a day, +08:00, compared as its local reading would miss the instants
    /// between 00:00 and 08:00 Beijing time.) Values already stored were UTC, so their stored form is unchanged.
    /// </summary>
    public static void ApplySqlite(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcBinaryConverter>();
    }

    /// <summary>
    /// PostgreSQL's timestamptz accepts only UTC offsets from Npgsql. Instants keep their meaning when converted,
    /// so a deadline such as 24:00 Beijing time is stored as its UTC instant and read back in UTC.
    /// </summary>
    public static void ApplyPostgres(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcBinaryConverter() : ValueConverter<DateTimeOffset, long>(
        v => (long)Binary.ConvertToProvider(v.ToUniversalTime())!, v => (DateTimeOffset)Binary.ConvertFromProvider(v)!)
    {
        private static readonly DateTimeOffsetToBinaryConverter Binary = new();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());
}
