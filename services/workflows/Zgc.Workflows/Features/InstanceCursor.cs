using System.Buffers.Binary;
using System.Buffers.Text;
using Zgc.Workflows.Lifecycle;

namespace Zgc.Workflows.Features;

/// <summary>
/// Where a page of the instance list ended: the last row's <see cref="PlatformLifecycle.UpdatedAt"/> and id, the list's
/// order. Passed back as <c>after</c>, the next page starts right behind that row, found by one seek in the order's index
/// however deep it is — an offset page walks every index entry before it (page 1,000 of 50 read 50,000), and rows
/// that change while a client walks the list neither repeat nor push others out of its reach the way they shift offsets.
/// Opaque to clients: base64url of the instant's UTC ticks and the id's bytes.
/// </summary>
internal readonly record struct InstanceCursor(DateTimeOffset UpdatedAt, Guid Id)
{
    private const int Length = sizeof(long) + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, UpdatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[sizeof(long)..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The cursor in <paramref name="text"/>; false for anything <see cref="Encode"/> did not write.</summary>
    public static bool TryParse(string text, out InstanceCursor cursor)
    {
        cursor = default;
        Span<byte> bytes = stackalloc byte[Length];
        // Checked first: decoding throws on a character outside the alphabet instead of answering false.
        if (text.Length > 64 || !Base64Url.IsValid(text, out var length) || length != Length
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new InstanceCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[sizeof(long)..]));
        return true;
    }

    /// <summary>The list's order: most recently changed first, the id breaking ties (every index of the list ends in both).</summary>
    public static IOrderedQueryable<PlatformLifecycle> InListOrder(IQueryable<PlatformLifecycle> instances) =>
        instances.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.CorrelationId);

    /// <summary>
    /// The instances behind this cursor in <see cref="InListOrder"/>. The first condition alone is a range of the index
    /// (where the seek starts); the second drops the rows of the same instant up to and including the cursor's.
    /// </summary>
    public IQueryable<PlatformLifecycle> Behind(IQueryable<PlatformLifecycle> instances)
    {
        var at = UpdatedAt;
        var id = Id;
        return instances.Where(i => i.UpdatedAt <= at && (i.UpdatedAt < at || i.CorrelationId.CompareTo(id) > 0));
    }
}
