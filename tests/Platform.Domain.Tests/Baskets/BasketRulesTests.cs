using Platform.Domain.Baskets;
using Platform.Domain.Money;

namespace Platform.Domain.Tests.Baskets;

public class BasketRulesTests
{
    // Reference §10.1, exactly as sent.
    private static readonly BasketFigures Example = new(1350.00m, 200.00m, [
        new(VatCode.RUS_VAT20, 2m, 600.00m, 500.00m, 1200.00m, 200.00m),
        new(VatCode.VATNONE, 1m, 150.00m, 150.00m, 150.00m, 0m),
    ]);

    private static IEnumerable<string> Codes(BasketFigures basket) => BasketRules.Check(basket).Select(v => v.Code);

    [Fact]
    public void The_reference_example_passes_every_rule() => Assert.Empty(BasketRules.Check(Example));

    [Fact]
    public void Order_amount_other_than_the_sum_of_line_totals_is_wrong_total_amount() =>
        Assert.Equal([BasketRuleCodes.WrongTotalAmount], Codes(Example with { Amount = 1350.01m }));

    [Fact]
    public void Order_vat_other_than_the_sum_of_line_vat_is_wrong_total_vat_amount() =>
        Assert.Equal([BasketRuleCodes.WrongTotalVatAmount], Codes(Example with { VatAmount = 199.99m }));

    [Fact]
    public void Line_total_other_than_rounded_price_times_quantity_is_wrong_basket_item_total_amount()
    {
        var line = Example.Lines[1] with { Quantity = 1.005m }; // 150.00 × 1.005 = 150.75, not 150.00

        var violations = BasketRules.Check(Example with { Lines = [Example.Lines[0], line] });

        Assert.Equal([new BasketRuleViolation(BasketRuleCodes.WrongBasketItemTotalAmount, 1)], violations);
    }

    [Fact]
    public void Line_vat_off_by_a_kopeck_is_wrong_basket_item_total_vat_amount()
    {
        var basket = new BasketFigures(371.88m, 61.97m, [new(VatCode.RUS_VAT20, 1m, 371.88m, 309.90m, 371.88m, 61.97m)]);

        Assert.Equal([new BasketRuleViolation(BasketRuleCodes.WrongBasketItemTotalVatAmount, 0)], BasketRules.Check(basket));
    }

    [Fact]
    public void Unit_price_without_vat_off_by_a_kopeck_is_wrong_basket_item_amount_wo_vat()
    {
        var basket = new BasketFigures(123.96m, 20.66m, [new(VatCode.RUS_VAT20, 1m, 123.96m, 103.31m, 123.96m, 20.66m)]);

        Assert.Equal([new BasketRuleViolation(BasketRuleCodes.WrongBasketItemAmountWoVat, 0)], BasketRules.Check(basket));
    }

    [Fact]
    public void Added_code_lines_are_checked_against_their_gross_unit_price()
    {
        // 100.00 net at 20% on top: amount 120.00, amountWoVat 100.00, total 120.00, VAT 20.00.
        var basket = new BasketFigures(120.00m, 20.00m, [new(VatCode.RUS_VAT20_ADDED, 1m, 120.00m, 100.00m, 120.00m, 20.00m)]);

        Assert.Empty(BasketRules.Check(basket));
    }

    [Fact]
    public void Zero_rate_line_with_vat_is_wrong_basket_item_total_vat_amount()
    {
        var basket = new BasketFigures(150.00m, 1.00m, [new(VatCode.VATNONE, 1m, 150.00m, 150.00m, 150.00m, 1.00m)]);

        Assert.Equal([BasketRuleCodes.WrongBasketItemTotalVatAmount], Codes(basket));
    }

    [Fact]
    public void Scale_of_the_decimals_does_not_matter()
    {
        var basket = new BasketFigures(1350m, 200m, [
            new(VatCode.RUS_VAT20, 2m, 600m, 500m, 1200m, 200m),
            new(VatCode.VATNONE, 1.000m, 150.0m, 150m, 150m, 0m),
        ]);

        Assert.Empty(BasketRules.Check(basket));
    }
}
