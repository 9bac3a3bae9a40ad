using Platform.Domain.Money;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using static Invoicebox.Tests.Contract.EmulatorMerchants;

namespace Invoicebox.Tests.Contract;

public class OrderContractTests : EmulatorTestBase
{
    [Fact]
    public async Task A_main_order_is_created_in_a_new_container_with_the_basket_sums()
    {
        var basket = EmulatorHarness.TicketAndFee();

        var order = await Harness.Client(Coffee).CreateOrderAsync(EmulatorHarness.Order(basket, "SHOP-10001-" + Guid.NewGuid().ToString("N")[..6]),
            CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(order.Id));
        Assert.False(string.IsNullOrEmpty(order.OrderContainerId));
        Assert.EndsWith("/order/" + order.OrderContainerId, order.PaymentUrl);
        Assert.Equal(InvoiceboxOrderStatus.Created, order.Status);
        Assert.Equal(new Kopecks(135000), order.Amount);
        Assert.Equal(new Kopecks(20000), order.VatAmount);
        Assert.Equal(Coffee.MerchantId, order.MerchantId);
        Assert.Equal(2, order.BasketItems.Count);
        Assert.Equal(basket.Lines[0].UnitWoVat, order.BasketItems[0].AmountWoVat);
        Assert.NotNull(order.CreatedAt);
    }

    [Fact]
    public async Task A_suborder_joins_the_container_of_the_main_order_and_shares_its_payment_url()
    {
        var main = await Harness.Client(Main).CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);

        var suborder = await Harness.Client(Coffee).CreateOrderAsync(
            EmulatorHarness.Order(EmulatorHarness.Basket(("TRF-1", 990.00m, VatCode.VATNONE, 1m))) with
            {
                OrderContainerId = main.OrderContainerId,
                ShopId = 333,
            },
            CancellationToken.None);

        Assert.NotEqual(main.Id, suborder.Id);
        Assert.Equal(main.OrderContainerId, suborder.OrderContainerId);
        Assert.Equal(main.PaymentUrl, suborder.PaymentUrl);
        Assert.Equal(333, suborder.ShopId);
    }

    [Fact]
    public async Task A_suborder_for_an_unknown_container_is_not_found()
    {
        var request = EmulatorHarness.Order(EmulatorHarness.TicketAndFee()) with { OrderContainerId = "0195a000-0000-7000-8000-00000000dead" };

        var error = await Assert.ThrowsAsync<InvoiceboxNotFoundException>(() => Harness.Client(Coffee).CreateOrderAsync(request, CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Get_returns_the_order_and_null_for_an_unknown_id()
    {
        var client = Harness.Client(Coffee);
        var created = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);

        var fetched = await client.GetOrderAsync(created.Id, CancellationToken.None);
        var unknown = await client.GetOrderAsync("0195a000-0000-7000-8000-00000000dead", CancellationToken.None);

        Assert.Equal(created.Id, fetched?.Id);
        Assert.Equal(created.Amount, fetched?.Amount);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task Find_by_merchant_order_id_finds_the_order_after_an_uncertain_create()
    {
        var client = Harness.Client(Coffee);
        var number = EmulatorHarness.NewOrderNumber();
        var created = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee(), number), CancellationToken.None);

        var found = await client.FindByMerchantOrderIdAsync(number, CancellationToken.None);
        var missing = await client.FindByMerchantOrderIdAsync(EmulatorHarness.NewOrderNumber(), CancellationToken.None);

        Assert.Equal(created.Id, found?.Id);
        Assert.Null(missing);
    }

    [Fact]
    public async Task List_filters_by_status_and_creation_window_and_pages_newest_first()
    {
        var client = Harness.Client(Flowers);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var created = new List<OrderResponse>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None));
            await Task.Delay(5); // distinct millisecond ids
        }
        await client.CancelOrderAsync(created[0].Id, CancellationToken.None);

        var createdOnes = await client.ListOrdersAsync(new OrderFilter { Statuses = [InvoiceboxOrderStatus.Created], CreatedFrom = from }, CancellationToken.None);
        var both = await client.ListOrdersAsync(new OrderFilter
        {
            Statuses = [InvoiceboxOrderStatus.Created, InvoiceboxOrderStatus.Canceled],
            CreatedFrom = from,
            CreatedTo = DateTimeOffset.UtcNow.AddMinutes(1),
        }, CancellationToken.None);
        var secondPage = await client.ListOrdersAsync(new OrderFilter { CreatedFrom = from, Page = 2, PageSize = 2 }, CancellationToken.None);
        var byId = await client.ListOrdersAsync(new OrderFilter { Id = created[1].Id }, CancellationToken.None);

        Assert.Equal(2, createdOnes.TotalCount);
        Assert.All(createdOnes.Items, o => Assert.Equal(InvoiceboxOrderStatus.Created, o.Status));
        Assert.Equal(3, both.TotalCount);
        Assert.Equal(created.Select(o => o.Id).Reverse(), both.Items.Select(o => o.Id));
        Assert.Equal((3, 2, 2), (secondPage.TotalCount, secondPage.Page, secondPage.PageSize));
        Assert.Equal(created[0].Id, Assert.Single(secondPage.Items).Id);
        Assert.Equal(created[1].Id, Assert.Single(byId.Items).Id);
    }

    [Fact]
    public async Task Update_replaces_the_basket_with_its_sums()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);
        var bigger = EmulatorHarness.Basket(("TARIFF-STD", 600.00m, VatCode.RUS_VAT20, 3m), ("EXTRA", 99.90m, VatCode.RUS_VAT10_ADDED, 1.5m));

        var updated = await client.UpdateOrderAsync(order.Id, new UpdateOrderRequest { Description = "Three tickets" }.WithBasket(bigger),
            CancellationToken.None);

        Assert.Equal(bigger.Amount, updated.Amount);
        Assert.Equal(bigger.VatAmount, updated.VatAmount);
        Assert.Equal("Three tickets", updated.Description);
        Assert.Equal(2, updated.BasketItems.Count);
    }

    [Fact]
    public async Task Cancel_turns_an_unpaid_order_canceled()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);

        var canceled = await client.CancelOrderAsync(order.Id, CancellationToken.None);

        Assert.Equal(InvoiceboxOrderStatus.Canceled, canceled.Status);
        Assert.Equal(InvoiceboxOrderStatus.Canceled, (await client.GetOrderAsync(order.Id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_not_found()
    {
        var error = await Assert.ThrowsAsync<InvoiceboxNotFoundException>(() =>
            Harness.Client(Coffee).CancelOrderAsync("0195a000-0000-7000-8000-00000000dead", CancellationToken.None));

        Assert.Equal("not_found", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Cancelling_a_paid_order_is_wrong_order_status()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);
        await Harness.PayAsync(order.OrderContainerId!);

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() => client.CancelOrderAsync(order.Id, CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("wrong_order_status", error.ErrorCode);
    }

    [Fact]
    public async Task Updating_a_paid_order_is_wrong_order_status()
    {
        var client = Harness.Client(Coffee);
        var order = await client.CreateOrderAsync(EmulatorHarness.Order(EmulatorHarness.TicketAndFee()), CancellationToken.None);
        await Harness.PayAsync(order.OrderContainerId!);

        var error = await Assert.ThrowsAsync<InvoiceboxValidationException>(() =>
            client.UpdateOrderAsync(order.Id, new UpdateOrderRequest { Description = "late" }, CancellationToken.None));

        Assert.Equal("wrong_order_status", error.ErrorCode);
    }
}
