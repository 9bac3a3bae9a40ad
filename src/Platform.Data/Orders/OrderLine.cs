using Platform.Data.Tenancy;
using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Data.Orders;

/// <summary>A basket line frozen at order time from the catalog (never from the client).</summary>
public sealed class OrderLine : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid OrderId { get; set; }
    public int Position { get; set; }

    public Guid ProductId { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public required string MeasureName { get; set; }
    public required string MeasureCode { get; set; }
    public decimal Quantity { get; set; }
    /// <summary>The product's price as the catalog listed it at order time (before VAT for *_ADDED codes); the basket is recomputed from it.</summary>
    public Kopecks CatalogPrice { get; set; }
    /// <summary>What the buyer pays per unit, VAT included.</summary>
    public Kopecks UnitPrice { get; set; }
    public Kopecks Total { get; set; }
    public Kopecks Vat { get; set; }
    public VatCode VatCode { get; set; }
    public ItemType ItemType { get; set; }
    public PaymentType PaymentType { get; set; }
    public decimal RefundedQuantity { get; set; }
}
