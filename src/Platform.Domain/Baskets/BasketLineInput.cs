using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Domain.Baskets;

/// <summary>
/// One product line as the catalog prices it, before any basket arithmetic.
/// <paramref name="UnitPrice"/> is the catalog price: gross for "included" VAT codes, net for *_ADDED codes.
/// <paramref name="Quantity"/> is positive with at most three decimals.
/// </summary>
public sealed record BasketLineInput(
    string Name,
    string Sku,
    Kopecks UnitPrice,
    VatCode VatCode,
    decimal Quantity,
    string MeasureName,
    string MeasureCode,
    ItemType ItemType,
    PaymentType PaymentType);
