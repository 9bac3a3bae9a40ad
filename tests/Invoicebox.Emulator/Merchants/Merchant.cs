using System.Security.Cryptography;
using System.Text;

namespace Invoicebox.Emulator.Merchants;

/// <summary>A shop known to the emulator: what the cabinet would show on its "Интеграция (API)" tab.</summary>
public sealed record Merchant(
    string MerchantId,
    string Token,
    string NotificationKey,
    string Name,
    string? Role,
    string UserId,
    string? NotificationUrl)
{
    public const string MainRole = "main";

    public bool IsMain => string.Equals(Role, MainRole, StringComparison.OrdinalIgnoreCase);

    public static Merchant From(MerchantOptions o) => new(
        o.MerchantId, o.Token, o.NotificationKey, o.Name, o.Role,
        string.IsNullOrEmpty(o.UserId) ? DeriveUserId(o.MerchantId) : o.UserId,
        string.IsNullOrEmpty(o.NotificationUrl) ? null : o.NotificationUrl);

    // The auth check returns a user id; a stable one per merchant keeps repeated runs comparable.
    private static string DeriveUserId(string merchantId)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("user:" + merchantId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
