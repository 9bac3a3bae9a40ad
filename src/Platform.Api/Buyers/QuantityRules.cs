using Platform.Domain.Catalog;

namespace Platform.Api.Buyers;

/// <summary>Which quantities a product's unit accepts: whole numbers for pieces, up to three decimals for weight and the like.</summary>
public static class QuantityRules
{
    private static readonly OkeiUnit WholeUnits = new("", "", "", AllowsFractions: false, QuantityStep: 1m);

    /// <summary>The OKEI unit of a code; unknown codes are treated as sold in whole units.</summary>
    public static OkeiUnit UnitOf(string measureCode) => OkeiUnits.TryFind(measureCode, out var unit) ? unit : WholeUnits;

    /// <returns>Null when the quantity is fine, else a problem code. The grid is the unit's step (0.1 кг, 0.5 ч, 1 шт),
    /// the same one the mini-app snaps to and the portal's refunds use.</returns>
    public static string? Check(decimal quantity, string measureCode, decimal maxQuantity)
    {
        if (!Domain.Baskets.BasketCalculator.IsValidQuantity(quantity))
            return "quantity_invalid";
        if (quantity > maxQuantity)
            return "quantity_too_large";
        return UnitOf(measureCode).Accepts(quantity) ? null : "quantity_step";
    }
}
