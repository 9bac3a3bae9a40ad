using System.Net;
using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Tests;

public sealed class LifecycleTests : EmulatorTest
{
    private static string OrderPath(JsonNode order) => $"/v3/billing/api/order/order/{order["id"]}";

    [Fact]
    public async Task Created_order_has_the_reference_shape()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        Assert.Equal("created", order["status"]!.GetValue<string>());
        Assert.Equal("order", order["subtype"]!.GetValue<string>());
        Assert.Equal("", order["processingStatus"]!.GetValue<string>());
        Assert.Empty(order["fileIds"]!.AsArray());
        Assert.True(order["processable"]!.GetValue<bool>());
        Assert.Null(order["paidAt"]);
        Assert.Equal(new Uri(Emulator.BaseAddress, $"/order/{order["orderContainerId"]}").ToString(), order["paymentUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ids_start_with_the_creation_time_in_unix_milliseconds()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        var id = order["id"]!.GetValue<string>();
        var millis = Convert.ToInt64(id.Replace("-", "")[..12], 16);
        var created = DateTimeOffset.Parse(order["createdAt"]!.GetValue<string>());
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(millis) - created, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Get_returns_the_order()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        var reply = await Client.Get(OrderPath(order));

        Assert.Equal(order.ToJsonString(), reply.Data.ToJsonString());
    }

    [Fact]
    public async Task Update_of_a_created_order_applies_the_same_rules()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        var bad = await Client.Put(OrderPath(order), new JsonObject { ["amount"] = 1.00m });
        var good = await Client.Put(OrderPath(order), new JsonObject { ["description"] = "Новое описание" });

        Assert.Equal("wrong_total_amount", bad.ErrorCode);
        Assert.Equal("Новое описание", good.Data["description"]!.GetValue<string>());
        Assert.Equal(order["id"]!.GetValue<string>(), good.Data["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_turns_a_created_order_into_canceled()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        var reply = await Client.Delete(OrderPath(order));

        Assert.Equal("canceled", reply.Data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paid_order_can_be_neither_cancelled_nor_updated()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());
        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        var cancel = await Client.Delete(OrderPath(order));
        var update = await Client.Put(OrderPath(order), new JsonObject { ["description"] = "x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cancel.Status);
        Assert.Equal("wrong_order_status", cancel.ErrorCode);
        Assert.Equal("wrong_order_status", update.ErrorCode);
        Assert.Equal("completed", (await Client.Get(OrderPath(order))).Data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paying_sets_paid_at()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());
        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        var paid = (await Client.Get(OrderPath(order))).Data;

        Assert.NotNull(paid["paidAt"]);
    }

    [Fact]
    public async Task Order_past_its_expiration_date_reads_as_expired()
    {
        var request = OrderRequests.WorkedExample();
        request["expirationDate"] = OrderRequests.Atom(DateTimeOffset.UtcNow.AddSeconds(2));
        var order = await Client.CreateOrder(request);

        await Eventually.True(async () => (await Client.Get(OrderPath(order))).Data["status"]!.GetValue<string>() == "expired",
            "the order to expire", TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Expire_hook_expires_a_created_order()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        await Client.Control(HttpMethod.Post, $"/_emulator/orders/{order["id"]}/expire");

        Assert.Equal("expired", (await Client.Get(OrderPath(order))).Data["status"]!.GetValue<string>());
        Assert.Equal("wrong_order_status", (await Client.Delete(OrderPath(order))).ErrorCode);
    }

    [Fact]
    public async Task Hold_hook_puts_orders_on_hold_and_a_hold_can_then_be_paid()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/hold");
        var held = (await Client.Get(OrderPath(order))).Data["status"]!.GetValue<string>();
        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        Assert.Equal("hold", held);
        Assert.Equal("completed", (await Client.Get(OrderPath(order))).Data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decline_cancels_every_order_of_the_container()
    {
        var order = await Client.CreateOrder(OrderRequests.WorkedExample());

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/decline");

        Assert.Equal("canceled", (await Client.Get(OrderPath(order))).Data["status"]!.GetValue<string>());
    }
}
