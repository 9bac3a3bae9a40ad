using Platform.Domain.Money;

namespace Platform.Domain.Baskets;

/// <summary>How large one order may be, and so how dear one unit of a product: a price above it could never be sold.</summary>
public static class OrderLimits
{
    /// <summary>The default largest order amount (10 000 000,00 ₽); the buyer API's <c>Orders:MaxAmount</c> starts here.</summary>
    public static readonly Kopecks MaxAmount = new(10_000_000_00);

    /// <summary>True when one unit, with VAT on top where the code adds it, fits in an order.</summary>
    public static bool UnitFits(Kopecks unitPrice, VatCode vatCode) => BasketCalculator.UnitGross(unitPrice, vatCode) <= MaxAmount;
}
