using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Notifications;

namespace Invoicebox.Emulator.Tests;

public sealed class FaultTests : EmulatorTest
{
    protected override void Configure(EmulatorOptions options) => options.FaultTimeoutHold = TimeSpan.FromSeconds(20);

    private Task SetFaults(string json) => Client.Control(HttpMethod.Post, "/_emulator/faults", JsonNode.Parse(json));

    private async Task<int> OrderCount() => (await Client.Control(HttpMethod.Get, "/_emulator/orders"))!.AsArray().Count;

    [Fact]
    public async Task Latency_delays_api_answers()
    {
        await SetFaults("""{"latencyMs": 400}""");

        var watch = Stopwatch.StartNew();
        var reply = await Client.Get("/v3/security/api/auth/auth");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(watch.ElapsedMilliseconds >= 390, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Error_rate_one_answers_500_and_creates_nothing()
    {
        await SetFaults("""{"errorRate": 1}""");

        var reply = await Client.Post("/v3/billing/api/order/order", OrderRequests.WorkedExample());

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal(0, await OrderCount());
    }

    [Fact]
    public async Task Too_many_requests_rate_one_answers_429_with_retry_after()
    {
        await SetFaults("""{"tooManyRequestsRate": 1}""");

        var reply = await Client.Get("/v3/filter/api/order/order");

        Assert.Equal(HttpStatusCode.TooManyRequests, reply.Status);
        Assert.NotNull(reply.Response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Timeout_rate_one_holds_the_answer_past_the_clients_timeout_but_carries_the_request_out()
    {
        await SetFaults("""{"timeoutRate": 1}""");
        using var impatient = new HttpClient { BaseAddress = Emulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(700) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/billing/api/order/order")
        {
            Content = new StringContent(OrderRequests.WorkedExample(merchantOrderId: "T-1").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", TestMerchants.ZernoToken);

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.SendAsync(request));

        Assert.Equal(1, await OrderCount());
    }

    [Fact]
    public async Task Faults_do_not_touch_the_control_api()
    {
        await SetFaults("""{"errorRate": 1, "tooManyRequestsRate": 1}""");

        var reply = await Client.Get("/_emulator/orders", token: null);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Empty_faults_clear_everything()
    {
        await SetFaults("""{"errorRate": 1, "dropNotifications": true}""");

        await SetFaults("{}");

        Assert.Equal(HttpStatusCode.OK, (await Client.Get("/v3/security/api/auth/auth")).Status);
        var faults = await Client.Control(HttpMethod.Get, "/_emulator/faults");
        Assert.False(faults!["dropNotifications"]!.GetValue<bool>());
        Assert.Equal(0, faults["errorRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task Rates_outside_zero_to_one_are_refused()
    {
        var reply = await Client.Post("/_emulator/faults", JsonNode.Parse("""{"errorRate": 2}"""), token: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
    }

    [Fact]
    public async Task Dropped_notifications_are_recorded_but_never_sent()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: sink.Url));
        await SetFaults("""{"dropNotifications": true}""");

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        await Eventually.True(async () => (await Client.Control(HttpMethod.Get, "/_emulator/notifications"))!.AsArray().Count == 1, "the drop to be recorded");
        var attempt = (await Client.Control(HttpMethod.Get, "/_emulator/notifications"))![0]!;
        Assert.False(attempt["delivered"]!.GetValue<bool>());
        Assert.Contains("dropped", attempt["error"]!.GetValue<string>());
        await Task.Delay(300);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Duplicate_notifications_arrive_twice()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: sink.Url));
        await SetFaults("""{"duplicateNotifications": true}""");

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        var received = await sink.WaitForAsync(2);
        await Task.Delay(300);
        Assert.Equal(2, sink.Received.Count);
        Assert.Equal(received[0].Body, received[1].Body);
    }

    [Fact]
    public async Task Corrupt_signature_is_well_formed_but_wrong()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: sink.Url));
        await SetFaults("""{"corruptSignature": true}""");

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        var received = (await sink.WaitForAsync(1)).Single();
        Assert.Matches("^[0-9a-f]{40}$", received.Signature);
        Assert.NotEqual(NotificationSignature.Compute(TestMerchants.ZernoKey, received.Body), received.Signature);
    }

    [Fact]
    public async Task Latency_also_delays_notifications()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: sink.Url));
        await SetFaults("""{"latencyMs": 500}""");
        var paidAt = DateTimeOffset.UtcNow;

        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");

        var received = (await sink.WaitForAsync(1)).Single();
        Assert.True(received.At - paidAt >= TimeSpan.FromMilliseconds(450), $"arrived after {(received.At - paidAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Reset_clears_orders_notifications_and_faults_but_keeps_merchants()
    {
        await using var sink = await NotificationSink.StartAsync();
        var order = await Client.CreateOrder(OrderRequests.WorkedExample(notificationUrl: sink.Url));
        await Client.Control(HttpMethod.Post, $"/_emulator/containers/{order["orderContainerId"]}/pay");
        await sink.WaitForAsync(1);
        await SetFaults("""{"errorRate": 1}""");

        await Client.Control(HttpMethod.Post, "/_emulator/reset");

        Assert.Equal(0, await OrderCount());
        Assert.Empty((await Client.Control(HttpMethod.Get, "/_emulator/notifications"))!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await Client.Get("/v3/filter/api/order/order")).Status);
        Assert.Equal(3, (await Client.Control(HttpMethod.Get, "/_emulator/merchants"))!.AsArray().Count);
    }
}
