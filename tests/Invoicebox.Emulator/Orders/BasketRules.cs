using Invoicebox.Emulator.Api;

namespace Invoicebox.Emulator.Orders;

/// <summary>
/// The five sum rules of the team definition, in integer kopecks with half-up rounding.
/// VAT rate r: VATNONE and RUS_VAT0 → 0; RUS_VATn and RUS_VATn_ADDED → n.
/// Per line: (3) totalAmount = round(amount × quantity); (4) totalVatAmount = round(totalAmount × r / (100 + r));
/// (5) amountWoVat = round(amount × 100 / (100 + r)). Per order: (1) Σ totalAmount = amount; (2) Σ totalVatAmount = vatAmount.
/// </summary>
public static class BasketRules
{
    public static readonly IReadOnlyList<string> VatCodes =
    [
        "VATNONE", "RUS_VAT0",
        "RUS_VAT5", "RUS_VAT7", "RUS_VAT10", "RUS_VAT20", "RUS_VAT22",
        "RUS_VAT5_ADDED", "RUS_VAT7_ADDED", "RUS_VAT10_ADDED", "RUS_VAT20_ADDED", "RUS_VAT22_ADDED",
    ];

    public static int VatRate(string vatCode) => vatCode switch
    {
        "VATNONE" or "RUS_VAT0" => 0,
        "RUS_VAT5" or "RUS_VAT5_ADDED" => 5,
        "RUS_VAT7" or "RUS_VAT7_ADDED" => 7,
        "RUS_VAT10" or "RUS_VAT10_ADDED" => 10,
        "RUS_VAT20" or "RUS_VAT20_ADDED" => 20,
        "RUS_VAT22" or "RUS_VAT22_ADDED" => 22,
        _ => throw new ArgumentOutOfRangeException(nameof(vatCode), vatCode, "unknown VAT code"),
    };

    /// <summary>Rule 3: the line total of a unit price and a quantity in thousandths.</summary>
    public static Kopecks LineTotal(Kopecks unitPrice, long quantityThousandths) =>
        new(RoundHalfUp((Int128)unitPrice.Value * quantityThousandths, 1000));

    /// <summary>Rule 4: the VAT contained in a line total.</summary>
    public static Kopecks LineVat(Kopecks lineTotal, int rate) =>
        new(RoundHalfUp((Int128)lineTotal.Value * rate, 100 + rate));

    /// <summary>Rule 5: the unit price without VAT.</summary>
    public static Kopecks UnitPriceWithoutVat(Kopecks unitPrice, int rate) =>
        new(RoundHalfUp((Int128)unitPrice.Value * 100, 100 + rate));

    /// <summary>Half away from zero, which is half-up for the non-negative amounts the API accepts.</summary>
    public static long RoundHalfUp(Int128 numerator, long denominator)
    {
        var negative = numerator < 0;
        var magnitude = negative ? -numerator : numerator;
        var rounded = (long)((magnitude * 2 + denominator) / (denominator * 2));
        return negative ? -rounded : rounded;
    }

    /// <summary>Applies the rules to a basket: the lines first (3, 4, 5 per line, in order), then the totals (1, 2).</summary>
    public static void Check(IReadOnlyList<BasketLine> lines, Kopecks amount, Kopecks vatAmount, string path = "basketItems")
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var rate = VatRate(line.VatCode);
            if (LineTotal(line.Amount, line.QuantityThousandths) != line.TotalAmount)
                throw ApiException.Calculation("wrong_basket_item_total_amount", $"{path}[{i}].totalAmount");
            if (LineVat(line.TotalAmount, rate) != line.TotalVatAmount)
                throw ApiException.Calculation("wrong_basket_item_total_vat_amount", $"{path}[{i}].totalVatAmount");
            if (UnitPriceWithoutVat(line.Amount, rate) != line.AmountWoVat)
                throw ApiException.Calculation("wrong_basket_item_amount_wo_vat", $"{path}[{i}].amountWoVat");
        }
        var total = lines.Aggregate(Kopecks.Zero, (sum, l) => sum + l.TotalAmount);
        if (total != amount)
            throw ApiException.Calculation("wrong_total_amount", "amount");
        var vat = lines.Aggregate(Kopecks.Zero, (sum, l) => sum + l.TotalVatAmount);
        if (vat != vatAmount)
            throw ApiException.Calculation("wrong_total_vat_amount", "vatAmount");
    }
}
