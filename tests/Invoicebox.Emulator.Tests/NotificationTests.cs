using System.Net;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Notifications;

namespace Invoicebox.Emulator.Tests;

public sealed class NotificationTests : EmulatorTest
{
    private async Task<JsonNode> OrderNotifiedTo(NotificationSink sink, string merchantId = TestMerchants.ZernoId, string token = TestMerchants.ZernoToken) =>
        await Client.CreateOrder(OrderRequests.WorkedExample(merchantId, notificationUrl: sink.Url), token);

    private Task Pay(JsonNode order) => Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

    private async Task<JsonArray> Attempts() => (await Client.Control(HttpMethod.Get, "/_emulator/notifications"))!.AsArray();

    [Fact]
    public async Task Payment_sends_the_order_itself_signed_with_the_merchants_notification_key()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await OrderNotifiedTo(sink);

        await Pay(order);

        var received = (await sink.WaitForAsync(1)).Single();
        Assert.Equal(NotificationSignature.Compute(TestMerchants.ZernoKey, received.Body), received.Signature);
        Assert.Equal("application/json", received.ContentType);
        var body = JsonNode.Parse(received.Text)!;
        Assert.Equal(order["id"]!.GetValue<string>(), body["id"]!.GetValue<string>());
        Assert.Equal("completed", body["status"]!.GetValue<string>());
        Assert.NotNull(body["paidAt"]);
        Assert.Null(body["data"]);
        Assert.Contains("\"measure\":\"шт\"", received.Text);
        Assert.Contains("https:\\/\\/", received.Text);
    }

    [Fact]
    public async Task Paying_a_container_notifies_each_order_at_its_own_url_with_its_own_key()
    {
        await using var mainSink = await NotificationSink.StartAsync();
        await using var subSink = await NotificationSink.StartAsync();
        var main = await OrderNotifiedTo(mainSink, TestMerchants.RomashkaId, TestMerchants.RomashkaToken);
        var request = OrderRequests.WorkedExample(notificationUrl: subSink.Url);
        request["orderContainerId"] = main["orderContainerId"]!.GetValue<string>();
        var suborder = await Client.CreateOrder(request);

        await Pay(main);

        var toMain = (await mainSink.WaitForAsync(1)).Single();
        var toSub = (await subSink.WaitForAsync(1)).Single();
        Assert.Equal(NotificationSignature.Compute(TestMerchants.RomashkaKey, toMain.Body), toMain.Signature);
        Assert.Equal(NotificationSignature.Compute(TestMerchants.ZernoKey, toSub.Body), toSub.Signature);
        Assert.Equal(suborder["id"]!.GetValue<string>(), JsonNode.Parse(toSub.Text)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_until_the_shop_answers_success()
    {
        await using var sink = await NotificationSink.StartAsync(n => n switch
        {
            1 => SinkReply.OutOfService,
            2 => new SinkReply(500, "oops"),
            3 => new SinkReply(200, "not json"),
            _ => SinkReply.Success,
        });
        var order = await OrderNotifiedTo(sink);

        await Pay(order);

        await sink.WaitForAsync(4);
        await Eventually.True(async () => (await Attempts()).Count == 4, "four attempts recorded");
        var attempts = await Attempts();
        Assert.Equal([1, 2, 3, 4], attempts.Select(a => a!["attempt"]!.GetValue<int>()));
        Assert.Equal([false, false, false, true], attempts.Select(a => a!["delivered"]!.GetValue<bool>()));
        Assert.Equal(500, attempts[1]!["httpStatus"]!.GetValue<int>());
        Assert.Contains("out_of_service", attempts[0]!["responseBody"]!.GetValue<string>());
        await Task.Delay(300);
        Assert.Equal(4, sink.Received.Count);
    }

    [Fact]
    public async Task Delivery_gives_up_after_ten_retries()
    {
        await using var sink = await NotificationSink.StartAsync(_ => SinkReply.OutOfService);
        var order = await OrderNotifiedTo(sink);

        await Pay(order);

        await sink.WaitForAsync(11);
        await Eventually.True(async () =>
            (await Client.Control(HttpMethod.Get, "/_emulator/notifications/outbox"))![0]!["state"]!.GetValue<string>() == "failed", "the notification to fail");
        await Task.Delay(300);
        Assert.Equal(11, sink.Received.Count);
    }

    [Fact]
    public async Task Unreachable_shop_is_recorded_as_an_error_and_retried()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: $"http://127.0.0.1:{port}/notify"));

        await Pay(order);

        await Eventually.True(async () => (await Attempts()).Count >= 2, "two failed attempts");
        var first = (await Attempts())[0]!;
        Assert.False(first["delivered"]!.GetValue<bool>());
        Assert.Null(first["httpStatus"]);
        Assert.False(string.IsNullOrEmpty(first["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Decline_notifies_canceled_orders()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await OrderNotifiedTo(sink);

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/decline");

        var body = JsonNode.Parse((await sink.WaitForAsync(1)).Single().Text)!;
        Assert.Equal("canceled", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hold_notifies_held_orders()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await OrderNotifiedTo(sink);

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/hold");

        Assert.Equal("hold", JsonNode.Parse((await sink.WaitForAsync(1)).Single().Text)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_by_the_merchant_sends_no_notification()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await OrderNotifiedTo(sink);

        await Client.Delete($"/v3/billing/api/order/order/{order["id"]}");

        await Task.Delay(300);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Ping_sends_the_documented_test_notification_signed_with_that_merchants_key()
    {
        await using var sink = await NotificationSink.StartAsync();

        await Client.Control(HttpMethod.Post, $"/_emulator/merchants/{TestMerchants.RomashkaId}/ping", new JsonObject { ["url"] = sink.Url });

        var received = (await sink.WaitForAsync(1)).Single();
        var body = JsonNode.Parse(received.Text)!;
        Assert.Equal("ffffffff-ffff-ffff-ffff-ffffffffffff", body["id"]!.GetValue<string>());
        Assert.Equal("", body["merchantOrderId"]!.GetValue<string>());
        Assert.Equal(TestMerchants.RomashkaId, body["merchantId"]!.GetValue<string>());
        Assert.Equal(NotificationSignature.Compute(TestMerchants.RomashkaKey, received.Body), received.Signature);
    }
}

public sealed class NotificationTimeoutTests : EmulatorTest
{
    protected override void Configure(EmulatorOptions options) => options.Notifications.Timeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Shop_slower_than_the_timeout_counts_as_a_failure_and_is_retried()
    {
        await using var sink = await NotificationSink.StartAsync(n => n == 1 ? SinkReply.Success with { Delay = TimeSpan.FromSeconds(3) } : SinkReply.Success);
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: sink.Url));

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        await Eventually.True(async () => (await Client.Control(HttpMethod.Get, "/_emulator/notifications"))!.AsArray().Count == 2, "a retry after the timeout");
        var attempts = (await Client.Control(HttpMethod.Get, "/_emulator/notifications"))!.AsArray();
        Assert.StartsWith("timeout", attempts[0]!["error"]!.GetValue<string>());
        Assert.True(attempts[1]!["delivered"]!.GetValue<bool>());
    }
}

public sealed class NotificationDeliveryOriginTests
{
    [Fact]
    public async Task DeliverToOrigin_sends_to_that_origin_with_the_named_path_and_journals_the_named_url()
    {
        await using var sink = await NotificationSink.StartAsync();
        var sinkOrigin = new Uri(sink.Url).GetLeftPart(UriPartial.Authority);
        await using var emulator = await RunningEmulator.StartAsync(o => o.Notifications.DeliverToOrigin = sinkOrigin);
        using var client = new EmulatorClient(emulator);
        const string named = "http://api.unreachable.invalid:8080/notify";
        var order = await client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: named));

        await client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        var received = (await sink.WaitForAsync(1)).Single();
        Assert.Equal(order["id"]!.GetValue<string>(), JsonNode.Parse(received.Text)!["id"]!.GetValue<string>());
        await Eventually.True(async () => (await client.Control(HttpMethod.Get, "/_emulator/notifications"))!.AsArray().Count == 1, "one attempt recorded");
        var attempt = (await client.Control(HttpMethod.Get, "/_emulator/notifications"))!.AsArray().Single()!;
        Assert.Equal(named, attempt["url"]!.GetValue<string>());
        Assert.True(attempt["delivered"]!.GetValue<bool>());
    }
}
