using CsCheck;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Domain.Tests.Baskets;

public class BasketPropertyTests
{
    // 1 kopeck .. 10,000,000 roubles, with small prices drawn often enough to exercise rounding at the kopeck.
    private static readonly Gen<long> PriceKopecks = Gen.OneOf(Gen.Long[1, 1_000], Gen.Long[1, 1_000_000_000]);

    // 0.001 .. 10000 with at most three decimals; whole quantities are common in real baskets.
    private static readonly Gen<decimal> Quantity = Gen.OneOf(
        Gen.Long[1, 10_000_000].Select(thousandths => thousandths / 1000m),
        Gen.Long[1, 10_000].Select(whole => (decimal)whole));

    private static readonly Gen<BasketLineInput> Line =
        Gen.Select(PriceKopecks, Gen.Enum<VatCode>(), Quantity, Gen.Enum<ItemType>(), (price, code, quantity, type) =>
            new BasketLineInput("Item", "SKU", new Kopecks(price), code, quantity, "шт", "796", type, PaymentType.FullPrepayment));

    private static readonly Gen<BasketLineInput[]> Lines = Line.Array[1, 20];

    [Fact]
    public void Every_calculated_basket_passes_all_five_invoicebox_rules() =>
        Lines.Sample(lines =>
        {
            var violations = BasketRules.Check(BasketCalculator.Calculate(lines).ToFigures());
            return violations.Count == 0;
        }, iter: 5_000);

    [Fact]
    public void Order_amount_and_vat_equal_the_sums_of_line_totals_and_line_vat() =>
        Lines.Sample(lines =>
        {
            var basket = BasketCalculator.Calculate(lines);
            return basket.Amount.Value == basket.Lines.Sum(l => l.Total.Value)
                && basket.VatAmount.Value == basket.Lines.Sum(l => l.Vat.Value);
        });

    [Fact]
    public void Line_vat_never_exceeds_the_line_total_and_net_never_exceeds_gross() =>
        Line.Sample(input =>
        {
            var line = BasketCalculator.CalculateLine(input);
            return line.Vat <= line.Total && line.UnitWoVat <= line.UnitGross && line.Vat >= Kopecks.Zero;
        });

    [Fact]
    public void Basket_figures_round_trip_through_api_decimals() =>
        Lines.Sample(lines =>
        {
            var basket = BasketCalculator.Calculate(lines);
            var figures = basket.ToFigures();
            return Kopecks.FromRoubles(figures.Amount) == basket.Amount
                && Kopecks.FromRoubles(figures.VatAmount) == basket.VatAmount
                && figures.Lines.Zip(basket.Lines).All(pair =>
                    Kopecks.FromRoubles(pair.First.Amount) == pair.Second.UnitGross
                    && Kopecks.FromRoubles(pair.First.AmountWoVat) == pair.Second.UnitWoVat
                    && Kopecks.FromRoubles(pair.First.TotalAmount) == pair.Second.Total
                    && Kopecks.FromRoubles(pair.First.TotalVatAmount) == pair.Second.Vat
                    && pair.First.Amount.Scale == 2 && pair.First.TotalAmount.Scale == 2);
        });

    [Fact]
    public void Any_one_kopeck_change_to_a_line_total_breaks_a_rule() =>
        Lines.Sample(lines =>
        {
            var figures = BasketCalculator.Calculate(lines).ToFigures();
            var first = figures.Lines[0];
            var tampered = figures with { Lines = [first with { TotalAmount = first.TotalAmount + 0.01m }, .. figures.Lines.Skip(1)] };
            return BasketRules.Check(tampered).Any(v => v.Code == BasketRuleCodes.WrongBasketItemTotalAmount && v.LineIndex == 0);
        });
}
