using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Payments;

/// <summary>
/// The <c>X-Signature</c> of an Invoicebox payment notification: lowercase hex HMAC-SHA1 of the raw body bytes,
/// keyed with the shop's notification key (not the API token). Always verify the bytes as received: re-serialized
/// JSON differs in escaping, number format and key order.
/// </summary>
public static class NotificationSignature
{
    public const string HeaderName = "X-Signature";

    private const int SignatureBytes = HMACSHA1.HashSizeInBytes;

    public static string Compute(ReadOnlySpan<byte> body, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Span<byte> mac = stackalloc byte[SignatureBytes];
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), body, mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// True only when <paramref name="header"/> is the body's signature under <paramref name="key"/>. Upper-case hex
    /// and surrounding whitespace are tolerated; null, empty, malformed or a missing key give false, never an exception.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? key, string? header)
    {
        if (string.IsNullOrEmpty(key) || header is null)
            return false;
        var hex = header.AsSpan().Trim();
        if (hex.Length != SignatureBytes * 2)
            return false;

        Span<byte> received = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(hex, received, out _, out var written) != OperationStatus.Done || written != SignatureBytes)
            return false;

        Span<byte> expected = stackalloc byte[SignatureBytes];
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }
}
