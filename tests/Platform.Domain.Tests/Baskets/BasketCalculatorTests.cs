using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;

namespace Platform.Domain.Tests.Baskets;

public class BasketCalculatorTests
{
    private static BasketLineInput Line(decimal price, VatCode code, decimal quantity = 1m, string sku = "SKU-1") =>
        new("Item", sku, Kopecks.FromRoubles(price), code, quantity, "шт", "796", ItemType.Service, PaymentType.FullPrepayment);

    [Fact]
    public void Worked_example_10_1_gives_1350_with_200_vat()
    {
        var basket = BasketCalculator.Calculate([Line(600.00m, VatCode.RUS_VAT20, 2), Line(150.00m, VatCode.VATNONE)]);

        Assert.Equal(1350.00m, basket.Amount.ToRoubles());
        Assert.Equal(200.00m, basket.VatAmount.ToRoubles());
        var ticket = basket.Lines[0];
        Assert.Equal((600.00m, 500.00m, 1200.00m, 200.00m),
            (ticket.UnitGross.ToRoubles(), ticket.UnitWoVat.ToRoubles(), ticket.Total.ToRoubles(), ticket.Vat.ToRoubles()));
        var fee = basket.Lines[1];
        Assert.Equal((150.00m, 150.00m, 150.00m, 0m),
            (fee.UnitGross.ToRoubles(), fee.UnitWoVat.ToRoubles(), fee.Total.ToRoubles(), fee.Vat.ToRoubles()));
    }

    [Fact]
    public void Line_vat_for_included_code_is_total_times_rate_over_100_plus_rate()
    {
        // Reference §2.5: 371.88 at 20% carries 61.98 of VAT.
        var line = BasketCalculator.CalculateLine(Line(371.88m, VatCode.RUS_VAT20));

        Assert.Equal(61.98m, line.Vat.ToRoubles());
    }

    [Fact]
    public void Unit_price_without_vat_is_gross_times_100_over_100_plus_rate()
    {
        // Reference §2.5: 123.96 at 20% is 103.30 without VAT.
        var line = BasketCalculator.CalculateLine(Line(123.96m, VatCode.RUS_VAT20));

        Assert.Equal(103.30m, line.UnitWoVat.ToRoubles());
    }

    [Theory]
    [InlineData(VatCode.VATNONE)]
    [InlineData(VatCode.RUS_VAT0)]
    public void Zero_rate_codes_carry_no_vat_and_net_equals_gross(VatCode code)
    {
        var line = BasketCalculator.CalculateLine(Line(99.99m, code, 3));

        Assert.Equal(Kopecks.Zero, line.Vat);
        Assert.Equal(line.UnitGross, line.UnitWoVat);
        Assert.Equal(299.97m, line.Total.ToRoubles());
    }

    [Fact]
    public void Added_code_puts_vat_on_top_of_the_net_price()
    {
        var line = BasketCalculator.CalculateLine(Line(100.00m, VatCode.RUS_VAT20_ADDED, 3));

        Assert.Equal(100.00m, line.UnitPrice.ToRoubles());
        Assert.Equal(120.00m, line.UnitGross.ToRoubles());
        Assert.Equal(100.00m, line.UnitWoVat.ToRoubles());
        Assert.Equal(360.00m, line.Total.ToRoubles());
        Assert.Equal(60.00m, line.Vat.ToRoubles());
    }

    [Fact]
    public void Added_code_rounds_the_gross_unit_price_half_up()
    {
        // 0.05 net at 10% on top is 5.5 kopecks gross, which rounds up to 6.
        Assert.Equal(new Kopecks(6), BasketCalculator.UnitGross(new Kopecks(5), VatCode.RUS_VAT10_ADDED));
        // 0.04 net at 22% on top is 4.88 kopecks, which rounds to 5.
        Assert.Equal(new Kopecks(5), BasketCalculator.UnitGross(new Kopecks(4), VatCode.RUS_VAT22_ADDED));
    }

    [Fact]
    public void Line_vat_for_added_code_is_taken_from_the_rounded_line_total()
    {
        // gross 6 kopecks × 7 = 42; VAT = round(42 × 10 / 110) = round(3.818) = 4.
        var line = BasketCalculator.CalculateLine(new BasketLineInput("Item", "S", new Kopecks(5), VatCode.RUS_VAT10_ADDED, 7m,
            "шт", "796", ItemType.Commodity, PaymentType.FullPayment));

        Assert.Equal(new Kopecks(42), line.Total);
        Assert.Equal(new Kopecks(4), line.Vat);
    }

    [Fact]
    public void Fractional_quantity_total_rounds_half_up_to_the_kopeck()
    {
        // 0.05 × 0.5 = 2.5 kopecks → 3; 0.05 × 0.3 = 1.5 → 2; 0.05 × 0.299 = 1.495 → 1.
        Assert.Equal(new Kopecks(3), BasketCalculator.LineTotal(new Kopecks(5), 0.5m));
        Assert.Equal(new Kopecks(2), BasketCalculator.LineTotal(new Kopecks(5), 0.3m));
        Assert.Equal(new Kopecks(1), BasketCalculator.LineTotal(new Kopecks(5), 0.299m));
    }

    [Fact]
    public void Weighed_goods_total_is_unit_price_times_weight()
    {
        var line = BasketCalculator.CalculateLine(new BasketLineInput("Сыр", "CHEESE", Kopecks.FromRoubles(899.90m), VatCode.RUS_VAT10,
            1.235m, OkeiUnits.Kilogram.Name, OkeiUnits.Kilogram.Code, ItemType.Commodity, PaymentType.FullPayment));

        // 899.90 × 1.235 = 1111.3765 → 1111.38; VAT 1111.38 × 10 / 110 = 101.0345… → 101.03.
        Assert.Equal(1111.38m, line.Total.ToRoubles());
        Assert.Equal(101.03m, line.Vat.ToRoubles());
    }

    [Fact]
    public void Order_amount_and_vat_are_the_sums_of_the_lines()
    {
        var basket = BasketCalculator.Calculate([
            Line(0.01m, VatCode.RUS_VAT20, 1, "A"),
            Line(0.01m, VatCode.RUS_VAT20, 1, "B"),
            Line(0.01m, VatCode.RUS_VAT20, 1, "C"),
        ]);

        // Each line's VAT rounds to 0 (0.01 × 20/120); the order VAT is their sum, not VAT of the 0.03 total (0.01).
        Assert.Equal(new Kopecks(3), basket.Amount);
        Assert.Equal(Kopecks.Zero, basket.VatAmount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.0005")]
    [InlineData("1.2345")]
    public void Quantity_must_be_positive_with_at_most_three_decimals(string quantity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            BasketCalculator.CalculateLine(Line(1m, VatCode.VATNONE, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void An_empty_basket_is_refused() =>
        Assert.Throws<ArgumentException>(() => BasketCalculator.Calculate([]));

    [Fact]
    public void A_negative_price_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BasketCalculator.CalculateLine(Line(-1m, VatCode.VATNONE)));

    [Fact]
    public void Basket_figures_are_api_roubles_with_two_decimals()
    {
        var figures = BasketCalculator.Calculate([Line(600m, VatCode.RUS_VAT20, 2), Line(150m, VatCode.VATNONE)]).ToFigures();

        Assert.All(figures.Lines, line =>
            Assert.All(new[] { line.Amount, line.AmountWoVat, line.TotalAmount, line.TotalVatAmount }, value => Assert.Equal(2, value.Scale)));
        Assert.Equal(2, figures.Amount.Scale);
        Assert.Equal(2, figures.VatAmount.Scale);
    }
}
