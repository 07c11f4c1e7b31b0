using System.Security.Cryptography;
using System.Text;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// Timer tokens named by what a timer is for (a record's id and a purpose such as <c>due</c>), so that the code which
/// makes a timer moot can cancel it without the token having been stored: the same subject and purpose always give the
/// same token, different ones practically never the same.
/// </summary>
public static class TimerToken
{
    // Keeps these tokens apart from any other name-based identifiers built from the same ids.
    private static readonly byte[] Namespace = Encoding.UTF8.GetBytes("zgc:outbox-timer:");

    /// <summary>The token of the timer for <paramref name="purpose"/> of <paramref name="subject"/>.</summary>
    public static Guid For(Guid subject, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var input = new byte[Namespace.Length + 16 + purposeBytes.Length];
        Namespace.CopyTo(input, 0);
        subject.TryWriteBytes(input.AsSpan(Namespace.Length, 16), bigEndian: true, out _);
        purposeBytes.CopyTo(input, Namespace.Length + 16);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (name-based, custom hash) and the RFC variant, so it reads as what it is.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
