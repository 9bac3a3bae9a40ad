using System.Net;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed class RefundTests : EmulatorTest
{
    private static JsonObject Refund(JsonNode order, string merchantOrderId, decimal amount = 150.00m) => new()
    {
        ["parentId"] = order["id"]!.GetValue<string>(),
        ["merchantOrderId"] = merchantOrderId,
        ["description"] = "Возврат сервисного сбора",
        ["amount"] = amount,
        ["vatAmount"] = 0,
        ["basketItems"] = new JsonArray(new JsonObject
        {
            ["sku"] = "FEE-1", ["name"] = "Service fee", ["measure"] = "шт", ["measureCode"] = "796", ["quantity"] = 1,
            ["amount"] = amount, ["amountWoVat"] = amount, ["totalAmount"] = amount, ["totalVatAmount"] = 0,
            ["vatCode"] = "VATNONE", ["type"] = "service", ["paymentType"] = "full_prepayment",
        }),
    };

    private async Task<JsonNode> PaidOrder()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());
        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");
        return order;
    }

    [Fact]
    public async Task Unpaid_order_cannot_be_refunded()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        var reply = await Client.Post("/v3/billing/api/order/refund-order", Refund(order, "R-1"));

        Assert.Equal("wrong_order_status", reply.ErrorCode);
    }

    [Fact]
    public async Task Refund_of_a_paid_order_is_created_and_listed()
    {
        var order = await PaidOrder();

        var refund = await Client.Post("/v3/billing/api/order/refund-order", Refund(order, "R-2"));
        var list = await Client.Get($"/v3/filter/api/order/refund-order?parentId={order["id"]}");

        Assert.Equal(HttpStatusCode.OK, refund.Status);
        Assert.Equal("created", refund.Data["status"]!.GetValue<string>());
        Assert.Equal(order["id"]!.GetValue<string>(), refund.Data["parentId"]!.GetValue<string>());
        Assert.Equal("R-2", list.Data[0]!["merchantOrderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refundable_lines_shrink_by_what_was_refunded()
    {
        var order = await PaidOrder();
        await Client.Post("/v3/billing/api/order/refund-order", Refund(order, "R-3", 100.00m));

        var lines = (await Client.Get($"/v3/billing/api/order/order/{order["id"]}/refund-basket-item")).Data.AsArray();

        Assert.Equal("1200.00", lines[0]!["availableAmount"]!.ToJsonString());
        Assert.Equal("200.00", lines[0]!["availableVatAmount"]!.ToJsonString());
        Assert.Equal("50.00", lines[1]!["availableAmount"]!.ToJsonString());
    }

    [Fact]
    public async Task Refund_above_what_is_refundable_is_rejected()
    {
        var order = await PaidOrder();
        await Client.Post("/v3/billing/api/order/refund-order", Refund(order, "R-4", 100.00m));

        var reply = await Client.Post("/v3/billing/api/order/refund-order", Refund(order, "R-5", 100.00m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("wrong_basket_item_total_amount", reply.ErrorCode);
    }

    [Fact]
    public async Task Refund_merchant_order_id_must_be_unique()
    {
        var order = await PaidOrder();
        await Client.Post("/v3/billing/api/order/refund-order", Refund(order, "R-6", 10.00m));

        var reply = await Client.Post("/v3/billing/api/order/refund-order", Refund(order, "R-6", 10.00m));

        Assert.Equal("merchant_order_id_duplicate", reply.ErrorCode);
    }
}
