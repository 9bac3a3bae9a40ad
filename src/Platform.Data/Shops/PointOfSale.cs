using Platform.Data.Tenancy;

namespace Platform.Data.Shops;

/// <summary>An Invoicebox point of sale («торговая точка»): its integer <c>shopId</c> is unique across the platform and picks the tenant in buyer URLs.</summary>
public sealed class PointOfSale : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public int ShopId { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
