using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Domain.Baskets;

/// <summary>
/// A calculated basket line. The four amounts are the Invoicebox basket item's money fields in kopecks:
/// <see cref="UnitGross"/> = <c>amount</c>, <see cref="UnitWoVat"/> = <c>amountWoVat</c>,
/// <see cref="Total"/> = <c>totalAmount</c>, <see cref="Vat"/> = <c>totalVatAmount</c>.
/// </summary>
public sealed record BasketLine(
    string Name,
    string Sku,
    VatCode VatCode,
    decimal Quantity,
    string MeasureName,
    string MeasureCode,
    ItemType ItemType,
    PaymentType PaymentType,
    Kopecks UnitPrice,
    Kopecks UnitGross,
    Kopecks UnitWoVat,
    Kopecks Total,
    Kopecks Vat);

/// <summary>
/// A basket whose <see cref="Amount"/> and <see cref="VatAmount"/> are the sums of its lines. Only
/// <see cref="BasketCalculator"/> makes one, so a basket always passes the five Invoicebox sum rules.
/// </summary>
public sealed record Basket
{
    internal Basket(IReadOnlyList<BasketLine> lines)
    {
        Lines = lines;
        Amount = lines.Sum(line => line.Total);
        VatAmount = lines.Sum(line => line.Vat);
    }

    public IReadOnlyList<BasketLine> Lines { get; }

    /// <summary>Order <c>amount</c>: the sum of line totals.</summary>
    public Kopecks Amount { get; }

    /// <summary>Order <c>vatAmount</c>: the sum of line VAT.</summary>
    public Kopecks VatAmount { get; }

    /// <summary>The basket in the API's decimal roubles, as <see cref="BasketRules"/> checks it.</summary>
    public BasketFigures ToFigures() => new(
        Amount.ToRoubles(),
        VatAmount.ToRoubles(),
        Lines.Select(line => new BasketLineFigures(
            line.VatCode,
            line.Quantity,
            line.UnitGross.ToRoubles(),
            line.UnitWoVat.ToRoubles(),
            line.Total.ToRoubles(),
            line.Vat.ToRoubles())).ToArray());
}
