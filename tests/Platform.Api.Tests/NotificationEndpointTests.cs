using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Data.Secrets;
using Platform.Data.Tenancy;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Domain.Payments;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// The notification endpoint over HTTP (the API on a real loopback port), for a tenant whose notification key is the
/// reference vector's key and whose order is the vector's order.
/// </summary>
public sealed class NotificationEndpointTests : IAsyncLifetime
{
    private const string VectorKey = "test-notification-key";
    private const string VectorSignature = "056ae0e2acc7ea17bc572dba03cbb72e8cb56b01";
    private const string VectorOrderId = "019550fc-ced4-4b7d-8e21-7a9d2c4f0a01";
    private static readonly byte[] Vector = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Resources", "notification-10.4.json"));

    private TestDatabase _database = null!;
    private ServiceProvider _data = null!;
    private PlatformAppFactory<ApiHost> _api = null!;
    private HttpClient _http = null!;
    private TenantSeeder.SeededTenant _shop = null!;
    private TenantSeeder.SeededTenant _other = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(await TestInfrastructure.GetAsync());
        _data = Migrations.MigrationServices.Build(_database.Configuration());
        _shop = await TenantSeeder.SeedAsync(_data, "vector-shop", notificationKey: VectorKey, merchantId: "11111111-2222-4333-8444-555555555555");
        _other = await TenantSeeder.SeedAsync(_data, "other-shop", notificationKey: "the-other-shops-key");
        _api = new PlatformAppFactory<ApiHost>(TestSettings.For(_database), kestrel: true);
        _http = new HttpClient { BaseAddress = _api.ServerAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        await _data.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Our side of the vector's order: 1350.00 RUB, submitted to Invoicebox as the vector's order id, awaiting payment.</summary>
    private async Task<Guid> AwaitingVectorOrderAsync(long amountKopecks = 135_000) => await InShopAsync(async db =>
    {
        await db.Orders.Where(o => o.InvoiceboxOrderId == VectorOrderId).ExecuteDeleteAsync();
        var now = DateTimeOffset.UtcNow;
        var order = new Order
        {
            IdempotencyKey = Guid.NewGuid().ToString(), ShopId = _shop.ShopId, Mode = MinappType.Order, Status = OrderStatus.AwaitingPayment,
            Amount = new Kopecks(amountKopecks), VatAmount = new Kopecks(20_000), BuyerName = "Ivan Testov", InvoiceboxOrderId = VectorOrderId,
            CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddHours(1),
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });

    private Task<T> InShopAsync<T>(Func<PlatformDbContext, Task<T>> work, Guid? tenant = null) =>
        _data.GetRequiredService<TenantScopeFactory>().RunAsync(tenant ?? _shop.Id, sp => work(sp.GetRequiredService<PlatformDbContext>()));

    private async Task<JsonElement> PostAsync(byte[] body, string? signature, string? webhookKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/invoicebox/{webhookKey ?? _shop.WebhookKey}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
            request.Headers.Add("X-Signature", signature);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Invoicebox reads only 200 + JSON
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<List<OrderEvent>> PaidEventsAsync(Guid orderId) =>
        InShopAsync(db => db.OrderEvents.Where(e => e.OrderId == orderId && e.ToStatus == OrderStatus.Paid).ToListAsync());

    [Fact]
    public async Task The_reference_vector_is_accepted_and_marks_the_order_paid()
    {
        var orderId = await AwaitingVectorOrderAsync();

        var reply = await PostAsync(Vector, VectorSignature);

        Assert.Equal("success", reply.GetProperty("status").GetString());
        var order = await InShopAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(OrderEventSource.Notification, Assert.Single(await PaidEventsAsync(orderId)).Source);
    }

    [Fact]
    public async Task One_changed_byte_is_a_signature_error_and_changes_nothing()
    {
        var orderId = await AwaitingVectorOrderAsync();
        var tampered = (byte[])Vector.Clone();
        tampered[Array.IndexOf(tampered, (byte)'5')] = (byte)'6';

        var reply = await PostAsync(tampered, VectorSignature);

        Assert.Equal("signature_error", reply.GetProperty("code").GetString());
        Assert.Equal(OrderStatus.AwaitingPayment, await InShopAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Php_style_escaping_verifies_because_the_raw_bytes_are_signed()
    {
        // The vector carries "https:\/\/..." and raw Cyrillic; re-serialized JSON would differ byte-wise and fail.
        Assert.Contains("https:\\/\\/pay.invoicebox.ru", Encoding.UTF8.GetString(Vector));
        var reserialized = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(Vector).RootElement);
        Assert.False(NotificationSignature.Verify(reserialized, VectorKey, VectorSignature));
        await AwaitingVectorOrderAsync();

        Assert.Equal("success", (await PostAsync(Vector, VectorSignature)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_notification_twice_is_acknowledged_twice_with_one_transition()
    {
        var orderId = await AwaitingVectorOrderAsync();

        var first = await PostAsync(Vector, VectorSignature);
        var second = await PostAsync(Vector, VectorSignature);

        Assert.Equal("success", first.GetProperty("status").GetString());
        Assert.Equal("success", second.GetProperty("status").GetString());
        Assert.Single(await PaidEventsAsync(orderId));
        var journal = await InShopAsync(db => db.PaymentNotifications.Where(n => n.OrderId == orderId).ToListAsync());
        Assert.Equal(2, journal.Count);
        Assert.All(journal, n => Assert.True(n.SignatureValid));
    }

    [Fact]
    public async Task A_different_amount_is_order_wrong_amount_and_the_order_is_not_paid()
    {
        var orderId = await AwaitingVectorOrderAsync(amountKopecks: 135_001);

        var reply = await PostAsync(Vector, VectorSignature);

        Assert.Equal("error", reply.GetProperty("status").GetString());
        Assert.Equal("order_wrong_amount", reply.GetProperty("code").GetString());
        Assert.Equal(OrderStatus.AwaitingPayment, await InShopAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_test_ping_is_answered_with_success_after_verification()
    {
        var ping = Encoding.UTF8.GetBytes("""{"id":"ffffffff-ffff-ffff-ffff-ffffffffffff","merchantOrderId":"","merchantId":"11111111-2222-4333-8444-555555555555","status":"completed","amount":1.00,"currencyId":"RUB"}""");

        Assert.Equal("success", (await PostAsync(ping, NotificationSignature.Compute(ping, VectorKey))).GetProperty("status").GetString());
        Assert.Equal("signature_error", (await PostAsync(ping, NotificationSignature.Compute(ping, "wrong"))).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_notification_signed_with_another_tenants_key_is_a_signature_error()
    {
        await AwaitingVectorOrderAsync();

        var reply = await PostAsync(Vector, NotificationSignature.Compute(Vector, "the-other-shops-key"));

        Assert.Equal("signature_error", reply.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_signature_or_an_unknown_webhook_key_is_a_signature_error()
    {
        Assert.Equal("signature_error", (await PostAsync(Vector, null)).GetProperty("code").GetString());
        Assert.Equal("signature_error", (await PostAsync(Vector, VectorSignature, webhookKey: "no-such-key")).GetProperty("code").GetString());
        // The other tenant's own webhook with the vector signed by the vector's key: valid HMAC, wrong tenant.
        Assert.Equal("signature_error", (await PostAsync(Vector, VectorSignature, webhookKey: _other.WebhookKey)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_order_is_order_not_found()
    {
        await InShopAsync(db => db.Orders.Where(o => o.InvoiceboxOrderId == VectorOrderId).ExecuteDeleteAsync());

        Assert.Equal("order_not_found", (await PostAsync(Vector, VectorSignature)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_notification_for_another_invoicebox_order_with_our_number_is_not_applied()
    {
        var orderId = await AwaitingVectorOrderAsync();
        var number = await InShopAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Number).SingleAsync());
        var foreign = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Vector)
            .Replace(VectorOrderId, "019550fc-0000-4000-8000-00000000dead").Replace("\"merchantOrderId\":\"SHOP-10001\"", $"\"merchantOrderId\":\"{number}\""));

        var reply = await PostAsync(foreign, NotificationSignature.Compute(foreign, VectorKey));

        Assert.Equal("order_not_found", reply.GetProperty("code").GetString());
        Assert.Equal(OrderStatus.AwaitingPayment, await InShopAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_late_expired_never_unpays_a_paid_order()
    {
        var orderId = await AwaitingVectorOrderAsync();
        await PostAsync(Vector, VectorSignature);
        var expired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Vector).Replace("\"status\":\"completed\"", "\"status\":\"expired\""));

        var reply = await PostAsync(expired, NotificationSignature.Compute(expired, VectorKey));

        Assert.Equal("success", reply.GetProperty("status").GetString());
        Assert.Equal(OrderStatus.Paid, await InShopAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Every_notification_is_journaled_without_secrets()
    {
        await AwaitingVectorOrderAsync();
        await PostAsync(Vector, "0000");

        var journal = await InShopAsync(db => db.PaymentNotifications.OrderByDescending(n => n.Id).FirstAsync());

        Assert.False(journal.SignatureValid);
        Assert.Equal("signature_error", journal.Outcome);
        Assert.Equal(64, journal.BodyHash.Length);
    }
}
