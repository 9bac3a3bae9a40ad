using Platform.Domain.Baskets;
using Platform.Domain.Money;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using static Invoicebox.Tests.Contract.EmulatorMerchants;

namespace Invoicebox.Tests.Contract;

/// <summary>
/// Every documented 422 reachable through the client. The bad baskets are built by hand from a good one, and the
/// domain's <see cref="BasketRules"/> must name the same broken rule as the emulator: two independent readings of one definition.
/// </summary>
public class ValidationContractTests : EmulatorTestBase
{
    private static readonly Kopecks OneKopeck = new(1);

    public static TheoryData<string, string> BrokenBaskets => new()
    {
        { "order amount one kopeck over the lines", BasketRuleCodes.WrongTotalAmount },
        { "order VAT one kopeck over the lines", BasketRuleCodes.WrongTotalVatAmount },
        { "line total one kopeck over price times quantity", BasketRuleCodes.WrongBasketItemTotalAmount },
        { "line VAT one kopeck over its share of the total", BasketRuleCodes.WrongBasketItemTotalVatAmount },
        { "unit price without VAT one kopeck off", BasketRuleCodes.WrongBasketItemAmountWoVat },
    };

    [Theory]
    [MemberData(nameof(BrokenBaskets))]
    public async Task Each_broken_sum_rule_is_refused_with_its_code(string breakage, string expectedCode)
    {
        var request = Break(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), breakage);
        Assert.Equal([expectedCode], BasketRules.Check(Figures(request)).Select(v => v.Code));

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            Harness.Client(Coffee).CreateOrderAsync(request, CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.NotEmpty(error.FieldErrors);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Every_basket_the_calculator_makes_is_accepted_including_vat_on_top_and_fractions()
    {
        var basket = EmulatorHarness.Basket(
            ("A", 0.05m, VatCode.RUS_VAT10_ADDED, 7m),
            ("B", 899.90m, VatCode.RUS_VAT10, 1.235m),
            ("C", 371.88m, VatCode.RUS_VAT20, 1m),
            ("D", 123.96m, VatCode.RUS_VAT22_ADDED, 0.333m),
            ("E", 0.01m, VatCode.RUS_VAT5, 3m),
            ("F", 10_000_000.00m, VatCode.RUS_VAT7_ADDED, 0.001m),
            ("G", 1m, VatCode.RUS_VAT0, 10000m));

        var order = await Harness.Client(Coffee).CreateOrderAsync(EmulatorHarness.Order(basket), CancellationToken.None);

        Assert.Equal(basket.Amount, order.Amount);
        Assert.Equal(basket.VatAmount, order.VatAmount);
    }

    [Fact]
    public async Task An_expiration_date_in_the_past_is_wrong_expiration_date()
    {
        var request = EmulatorHarness.Order(EmulatorHarness.TicketAndFee()) with { ExpirationDate = DateTimeOffset.UtcNow.AddMinutes(-1) };

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() => Harness.Client(Coffee).CreateOrderAsync(request, CancellationToken.None));

        Assert.Equal("wrong_expiration_date", error.ErrorCode);
        Assert.Contains(error.FieldErrors, f => f.Name == "expirationDate");
    }

    [Fact]
    public async Task An_unknown_currency_is_wrong_currency()
    {
        var request = EmulatorHarness.Order(EmulatorHarness.TicketAndFee()) with { CurrencyId = "XXX" };

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() => Harness.Client(Coffee).CreateOrderAsync(request, CancellationToken.None));

        Assert.Equal("wrong_currency", error.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_language_is_language_not_found()
    {
        var request = EmulatorHarness.Order(EmulatorHarness.TicketAndFee()) with { LanguageId = "xx" };

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() => Harness.Client(Coffee).CreateOrderAsync(request, CancellationToken.None));

        Assert.Equal("language_not_found", error.ErrorCode);
    }

    [Fact]
    public async Task A_second_order_with_the_same_number_is_merchant_order_id_duplicate()
    {
        var number = EmulatorHarness.NewOrderNumber();
        var client = Harness.Client(Coffee);
        await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee(), number), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee(), number), CancellationToken.None));

        Assert.Equal("merchant_order_id_duplicate", error.ErrorCode);
        Assert.Contains(error.FieldErrors, f => f.Name == "merchantOrderId");
    }

    [Fact]
    public async Task An_empty_basket_is_refused_as_invalid()
    {
        var request = EmulatorHarness.Order(EmulatorHarness.TicketAndFee()) with { BasketItems = [], Amount = Kopecks.Zero, VatAmount = Kopecks.Zero };

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() => Harness.Client(Coffee).CreateOrderAsync(request, CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
    }

    private static CreateOrderRequest Break(CreateOrderRequest request, string breakage)
    {
        var first = request.BasketItems[0];
        IReadOnlyList<BasketItem> WithFirst(BasketItem line) => [line, .. request.BasketItems.Skip(1)];
        return breakage switch
        {
            "order amount one kopeck over the lines" => request with { Amount = request.Amount + OneKopeck },
            "order VAT one kopeck over the lines" => request with { VatAmount = request.VatAmount + OneKopeck },
            // 1200.01 still carries 200.00 of VAT at 20/120, so only the line total rule breaks; the order sum follows the line.
            "line total one kopeck over price times quantity" => request with
            {
                BasketItems = WithFirst(first with { TotalAmount = first.TotalAmount + OneKopeck }),
                Amount = request.Amount + OneKopeck,
            },
            "line VAT one kopeck over its share of the total" => request with
            {
                BasketItems = WithFirst(first with { TotalVatAmount = first.TotalVatAmount + OneKopeck }),
                VatAmount = request.VatAmount + OneKopeck,
            },
            "unit price without VAT one kopeck off" => request with { BasketItems = WithFirst(first with { AmountWoVat = first.AmountWoVat + OneKopeck }) },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null),
        };
    }

    private static BasketFigures Figures(CreateOrderRequest request) => new(
        request.Amount.ToRoubles(),
        request.VatAmount.ToRoubles(),
        request.BasketItems.Select(item =>
        {
            Assert.True(VatCodes.TryParseApiName(item.VatCode, out var code));
            return new BasketLineFigures(code, item.Quantity, item.Amount.ToRoubles(), item.AmountWoVat.ToRoubles(),
                item.TotalAmount.ToRoubles(), item.TotalVatAmount.ToRoubles());
        }).ToArray());
}
