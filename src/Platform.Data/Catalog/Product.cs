using Platform.Data.Tenancy;
using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Data.Catalog;

public sealed class Product : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid? CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>Unique per tenant.</summary>
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Unit price as the buyer pays it: with VAT for included codes, before VAT for *_ADDED codes.</summary>
    public Kopecks Price { get; set; }
    public VatCode VatCode { get; set; } = VatCode.VATNONE;
    /// <summary>Unit name by OKEI, e.g. «шт».</summary>
    public string MeasureName { get; set; } = "шт";
    /// <summary>OKEI code, e.g. 796.</summary>
    public string MeasureCode { get; set; } = "796";
    public ItemType ItemType { get; set; } = ItemType.Commodity;
    public PaymentType PaymentType { get; set; } = PaymentType.FullPrepayment;

    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public Guid? ImageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
