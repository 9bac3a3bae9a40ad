using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Platform.Domain.Orders;

namespace Platform.Data.Buyers;

/// <summary>What a buyer session token stands for: one iframe load of one point of sale of one tenant.</summary>
public sealed record BuyerSessionClaims(Guid SessionId, Guid TenantId, int ShopId, MinappType Mode, string? OrderContainerId, string Locale);

/// <summary>What a result token stands for: read-only access to one order's status (our successUrl/failUrl carry it).</summary>
public sealed record OrderResultClaims(Guid TenantId, Guid OrderId);

/// <summary>
/// Signed, expiring tokens for the cookie-less buyer surface, sealed with the platform's Data Protection key ring
/// (so the workers can mint result links the API accepts). A token is opaque to the browser and cannot be forged or edited.
/// </summary>
public sealed class BuyerTokens(IDataProtectionProvider provider)
{
    public static readonly TimeSpan ResultTokenLifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector _sessions = provider.CreateProtector("Platform.Buyers.Session.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _results = provider.CreateProtector("Platform.Buyers.OrderResult.v1").ToTimeLimitedDataProtector();

    public string IssueSession(BuyerSessionClaims claims, DateTimeOffset expiresAt) =>
        _sessions.Protect(JsonSerializer.Serialize(claims), expiresAt);

    public BuyerSessionClaims? ReadSession(string? token) => Read<BuyerSessionClaims>(_sessions, token);

    public string IssueResult(OrderResultClaims claims, DateTimeOffset now) =>
        _results.Protect(JsonSerializer.Serialize(claims), now + ResultTokenLifetime);

    public OrderResultClaims? ReadResult(string? token) => Read<OrderResultClaims>(_results, token);

    private static T? Read<T>(ITimeLimitedDataProtector protector, string? token) where T : class
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(token));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
