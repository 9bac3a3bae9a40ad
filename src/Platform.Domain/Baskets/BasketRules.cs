using Platform.Domain.Money;

namespace Platform.Domain.Baskets;

/// <summary>A basket as the API carries it: decimal roubles, field names as in the reference.</summary>
public sealed record BasketFigures(decimal Amount, decimal VatAmount, IReadOnlyList<BasketLineFigures> Lines);

/// <summary>One basket item's money fields as the API carries them (<c>amount</c> is the unit price incl. VAT).</summary>
public sealed record BasketLineFigures(
    VatCode VatCode,
    decimal Quantity,
    decimal Amount,
    decimal AmountWoVat,
    decimal TotalAmount,
    decimal TotalVatAmount);

/// <summary>A broken sum rule; <see cref="LineIndex"/> is set for the per-line rules (3–5).</summary>
public sealed record BasketRuleViolation(string Code, int? LineIndex);

/// <summary>The Invoicebox 422 error codes of the five sum rules.</summary>
public static class BasketRuleCodes
{
    public const string WrongTotalAmount = "wrong_total_amount";
    public const string WrongTotalVatAmount = "wrong_total_vat_amount";
    public const string WrongBasketItemTotalAmount = "wrong_basket_item_total_amount";
    public const string WrongBasketItemTotalVatAmount = "wrong_basket_item_total_vat_amount";
    public const string WrongBasketItemAmountWoVat = "wrong_basket_item_amount_wo_vat";
}

/// <summary>
/// The five sum rules Invoicebox applies to a basket, as the team defined them (see <see cref="BasketCalculator"/>).
/// Evaluated on the API's decimals exactly as written, rounding half away from zero to the kopeck.
/// </summary>
public static class BasketRules
{
    public static IReadOnlyList<BasketRuleViolation> Check(BasketFigures basket)
    {
        ArgumentNullException.ThrowIfNull(basket);
        var violations = new List<BasketRuleViolation>();

        if (basket.Lines.Sum(line => line.TotalAmount) != basket.Amount)
            violations.Add(new(BasketRuleCodes.WrongTotalAmount, null));
        if (basket.Lines.Sum(line => line.TotalVatAmount) != basket.VatAmount)
            violations.Add(new(BasketRuleCodes.WrongTotalVatAmount, null));

        for (var index = 0; index < basket.Lines.Count; index++)
        {
            var line = basket.Lines[index];
            var rate = line.VatCode.RatePercent();
            if (line.TotalAmount != ToKopeck(line.Amount * line.Quantity))
                violations.Add(new(BasketRuleCodes.WrongBasketItemTotalAmount, index));
            if (line.TotalVatAmount != ToKopeck(line.TotalAmount * rate / (100 + rate)))
                violations.Add(new(BasketRuleCodes.WrongBasketItemTotalVatAmount, index));
            if (line.AmountWoVat != ToKopeck(line.Amount * 100 / (100 + rate)))
                violations.Add(new(BasketRuleCodes.WrongBasketItemAmountWoVat, index));
        }
        return violations;
    }

    // decimal division is exact to 28 digits, far finer than the distance between a kopeck midpoint and any
    // quotient of kopecks by 100 + r, so rounding the decimal gives the same result as integer arithmetic.
    private static decimal ToKopeck(decimal roubles) => decimal.Round(roubles, 2, MidpointRounding.AwayFromZero);
}
