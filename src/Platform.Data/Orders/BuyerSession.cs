using Platform.Data.Tenancy;
using Platform.Domain.Orders;

namespace Platform.Data.Orders;

/// <summary>One iframe load of a mini-app: what the signed buyer token stands for.</summary>
public sealed class BuyerSession : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid PointOfSaleId { get; set; }
    public MinappType Mode { get; set; }
    public string? OrderContainerId { get; set; }
    public string Locale { get; set; } = "ru";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
