using System.Security.Cryptography;
using System.Text;

namespace Invoicebox.Emulator.Notifications;

/// <summary><c>X-Signature</c>: lowercase hex of HMAC-SHA1(notification key, raw body) (reference §4.2).</summary>
public static class NotificationSignature
{
    public static string Compute(string notificationKey, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(notificationKey), body));

    /// <summary>The <c>corruptSignature</c> fault: well-formed, but made with a key the shop does not have.</summary>
    public static string Corrupt(string notificationKey, ReadOnlySpan<byte> body) => Compute("corrupted:" + notificationKey, body);
}
