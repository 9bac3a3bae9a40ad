using Platform.Data.Tenancy;

namespace Platform.Data.Shops;

/// <summary>
/// A tenant's Invoicebox credentials. The token and notification key are stored only as Data Protection ciphertext
/// (see <see cref="Secrets.CredentialProtector"/>); the hints are what the portal shows back.
/// </summary>
public sealed class InvoiceboxSettings : ITenantOwned
{
    public const string DefaultBaseUrl = "https://api.invoicebox.ru";

    public Guid TenantId { get; set; }
    public string MerchantId { get; set; } = "";
    /// <summary><c>/v3</c> or <c>/l3</c>.</summary>
    public string ApiPrefix { get; set; } = "/v3";
    public string ApiBaseUrl { get; set; } = DefaultBaseUrl;

    public string ProtectedToken { get; set; } = "";
    public string TokenHint { get; set; } = "";
    public string ProtectedNotificationKey { get; set; } = "";
    public string NotificationKeyHint { get; set; } = "";

    public DateTimeOffset? CheckedAt { get; set; }
    public bool CheckSucceeded { get; set; }
    public string? CheckMessage { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsComplete => MerchantId.Length > 0 && ProtectedToken.Length > 0 && ProtectedNotificationKey.Length > 0;
}
