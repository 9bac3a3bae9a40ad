using Platform.Domain.Money;

namespace Platform.Domain.Baskets;

/// <summary>
/// The team's money rules for an Invoicebox basket, in integer kopecks with half-up rounding to the kopeck.
/// The Invoicebox emulator implements the same rules independently; change neither alone.
/// </summary>
public static class BasketCalculator
{
    public const int MaxQuantityDecimals = 3;

    public static Basket Calculate(IEnumerable<BasketLineInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var lines = inputs.Select(CalculateLine).ToArray();
        if (lines.Length == 0)
            throw new ArgumentException("A basket needs at least one line.", nameof(inputs));
        return new Basket(lines);
    }

    public static BasketLine CalculateLine(BasketLineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Sku);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.MeasureName);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.MeasureCode);
        if (input.UnitPrice < Kopecks.Zero)
            throw new ArgumentOutOfRangeException(nameof(input), input.UnitPrice, "A unit price cannot be negative.");
        EnsureValidQuantity(input.Quantity);

        var unitGross = UnitGross(input.UnitPrice, input.VatCode);
        var total = LineTotal(unitGross, input.Quantity);
        return new BasketLine(
            input.Name, input.Sku, input.VatCode, input.Quantity, input.MeasureName, input.MeasureCode,
            input.ItemType, input.PaymentType,
            UnitPrice: input.UnitPrice,
            UnitGross: unitGross,
            UnitWoVat: UnitWoVat(unitGross, input.VatCode),
            Total: total,
            Vat: LineVat(total, input.VatCode));
    }

    /// <summary>Unit price incl. VAT: the catalog price for included codes; net × (100 + r) / 100 for *_ADDED codes.</summary>
    public static Kopecks UnitGross(Kopecks unitPrice, VatCode vatCode)
    {
        if (!vatCode.IsVatOnTop())
            return unitPrice;
        var rate = vatCode.RatePercent();
        return new Kopecks(HalfUpDivision.Divide((Int128)unitPrice.Value * (100 + rate), 100));
    }

    /// <summary>Line total <c>totalAmount</c> = round(unit gross × quantity).</summary>
    public static Kopecks LineTotal(Kopecks unitGross, decimal quantity)
    {
        EnsureValidQuantity(quantity);
        // Quantity has at most three decimals, so it is an exact count of thousandths.
        var thousandths = (Int128)(quantity * 1000m);
        return new Kopecks(HalfUpDivision.Divide(unitGross.Value * thousandths, 1000));
    }

    /// <summary>Line VAT <c>totalVatAmount</c> = round(total × r / (100 + r)) for every code, included or added.</summary>
    public static Kopecks LineVat(Kopecks lineTotal, VatCode vatCode)
    {
        var rate = vatCode.RatePercent();
        return rate == 0 ? Kopecks.Zero : new Kopecks(HalfUpDivision.Divide((Int128)lineTotal.Value * rate, 100 + rate));
    }

    /// <summary>Unit price excl. VAT <c>amountWoVat</c> = round(unit gross × 100 / (100 + r)).</summary>
    public static Kopecks UnitWoVat(Kopecks unitGross, VatCode vatCode)
    {
        var rate = vatCode.RatePercent();
        return rate == 0 ? unitGross : new Kopecks(HalfUpDivision.Divide((Int128)unitGross.Value * 100, 100 + rate));
    }

    public static bool IsValidQuantity(decimal quantity) =>
        quantity > 0 && decimal.Round(quantity, MaxQuantityDecimals) == quantity;

    private static void EnsureValidQuantity(decimal quantity)
    {
        if (!IsValidQuantity(quantity))
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity,
                $"A quantity must be positive with at most {MaxQuantityDecimals} decimals.");
    }
}
