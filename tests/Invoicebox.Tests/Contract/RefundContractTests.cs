using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Invoicebox;
using Platform.Invoicebox.Refunds;
using static Invoicebox.Tests.Contract.EmulatorMerchants;

namespace Invoicebox.Tests.Contract;

public class RefundContractTests : EmulatorTestBase
{
    [Fact]
    public async Task A_paid_order_lists_its_refundable_lines_and_a_partial_refund_reduces_them()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);
        await Harness.PayAsync(order.OrderContainerId!);

        var before = await client.GetRefundableLinesAsync(order.Id, CancellationToken.None);
        // One of the two tickets goes back: the same catalog line with quantity 1, calculated like any basket.
        var refundBasket = BasketCalculator.Calculate([new BasketLineInput("Airport rail ticket, standard", "TARIFF-STD",
            Kopecks.FromRoubles(600.00m), VatCode.RUS_VAT20, 1m, "шт", "796", ItemType.Service, PaymentType.FullPrepayment)]);
        var refund = await client.CreateRefundAsync(
            CreateRefundRequest.FromBasket(order.Id, "REFUND-" + Guid.NewGuid().ToString("N")[..8], "One ticket returned", refundBasket),
            CancellationToken.None);
        var after = await client.GetRefundableLinesAsync(order.Id, CancellationToken.None);

        Assert.Equal(2, before.Count);
        Assert.Equal(new Kopecks(120000), before[0].AvailableAmount);
        Assert.Equal(new Kopecks(20000), before[0].AvailableVatAmount);
        Assert.Equal(order.Id, refund.ParentId);
        Assert.Equal(new Kopecks(60000), refund.Amount);
        Assert.Equal(new Kopecks(10000), refund.VatAmount);
        Assert.False(string.IsNullOrEmpty(refund.Id));
        Assert.Equal(new Kopecks(60000), after[0].AvailableAmount);
        Assert.Equal(new Kopecks(10000), after[0].AvailableVatAmount);
        Assert.Equal(new Kopecks(15000), after[1].AvailableAmount);
    }

    [Fact]
    public async Task An_unpaid_order_cannot_be_refunded()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            client.CreateRefundAsync(CreateRefundRequest.FromBasket(order.Id, "REFUND-X", "too early", EmulatorHarness.TicketAndFee()), CancellationToken.None));

        Assert.Equal("wrong_order_status", error.ErrorCode);
    }

    [Fact]
    public async Task A_refund_number_cannot_be_used_twice()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);
        await Harness.PayAsync(order.OrderContainerId!);
        var fee = EmulatorHarness.Basket(("FEE-1", 150.00m, VatCode.VATNONE, 1m));
        var first = CreateRefundRequest.FromBasket(order.Id, "REFUND-" + Guid.NewGuid().ToString("N")[..8], "fee back", fee);
        await client.CreateRefundAsync(first, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            client.CreateRefundAsync(first with { BasketItems = first.BasketItems }, CancellationToken.None));

        Assert.Equal("merchant_order_id_duplicate", error.ErrorCode);
    }

    [Fact]
    public async Task A_refund_is_found_by_its_number_and_an_unknown_number_finds_nothing()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);
        await Harness.PayAsync(order.OrderContainerId!);
        var number = "REFUND-" + Guid.NewGuid().ToString("N")[..8];
        var created = await client.CreateRefundAsync(CreateRefundRequest.FromBasket(order.Id, number, "fee back",
            EmulatorHarness.Basket(("FEE-1", 150.00m, VatCode.VATNONE, 1m))), CancellationToken.None);

        var found = await client.FindRefundByMerchantOrderIdAsync(number, CancellationToken.None);
        var missing = await client.FindRefundByMerchantOrderIdAsync(number + "-NOPE", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(created.Id, found.Id);
        Assert.Equal(order.Id, found.ParentId);
        Assert.Equal(new Kopecks(15000), found.Amount);
        Assert.Equal("created", found.Status);
        Assert.Null(missing);
    }
}
