using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Zgc.Persistence;

/// <summary>Per-provider model conventions that keep one entity model portable across the three engines.</summary>
public static class ProviderConventions
{
    /// <summary>
    /// SQLite cannot compare or order <see cref="DateTimeOffset"/> in SQL. Every instant we store is UTC, so
    /// storing it as UTC ticks keeps comparisons, ordering and exact round trips.
    /// </summary>
    public static void ApplySqlite(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
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

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());
}
