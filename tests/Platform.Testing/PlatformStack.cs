using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Invoicebox.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api;
using Platform.Data;
using Platform.Data.Catalog;
using Platform.Data.Tenancy;
using Platform.Domain.Money;
using Platform.Migrations;
using Platform.Workers;

namespace Platform.Testing;

/// <summary>
/// The whole platform in one test process, on real servers: the Invoicebox emulator and the API on loopback ports
/// (browsers and notifications reach them over HTTP), the workers (consumers + Hangfire), a database and a RabbitMQ
/// virtual host of their own. Shops are seeded with credentials of emulator merchants.
/// </summary>
public sealed class PlatformStack : IAsyncDisposable
{
    public static readonly (string MerchantId, string Token, string NotificationKey) MerchantZerno =
        ("0193a1c0-0000-7000-8000-000000001001", "5f0c3d7e0c01a1c0b2e5f0c3d7e01001", "demo-notification-key-1001");
    public static readonly (string MerchantId, string Token, string NotificationKey) MerchantRomashka =
        ("0193a1c0-0000-7000-8000-000000001002", "5f0c3d7e0c01a1c0b2e5f0c3d7e01002", "demo-notification-key-1002");

    private PlatformStack() { }

    public required RunningEmulator Emulator { get; init; }
    public required EmulatorControl EmulatorControl { get; init; }
    public required TestDatabase Database { get; init; }
    public required TestVirtualHost Broker { get; init; }
    public required ServiceProvider Data { get; init; }
    public required PlatformAppFactory<ApiHost> Api { get; init; }
    public required PlatformAppFactory<WorkersHost> Workers { get; init; }
    public required Uri ApiAddress { get; init; }
    /// <summary>The emulator's second listener: an origin the API does NOT allow to frame the mini-app.</summary>
    public Uri ForeignOrigin => Emulator.Addresses[1];
    public required Dictionary<string, string?> WorkerSettings { get; init; }
    /// <summary>Set when started with <c>brokerGate: true</c>.</summary>
    public TcpGate? BrokerGate { get; init; }

    /// <param name="workerSettings">Overrides for the workers (e.g. reconciliation age) on top of fast test defaults.</param>
    /// <param name="workerServices">Replaces services of the workers (fault injection).</param>
    /// <param name="brokerGate">Route the apps' AMQP connections through a <see cref="TcpGate"/>, so a test can take the broker away.</param>
    public static async Task<PlatformStack> StartAsync(IDictionary<string, string?>? workerSettings = null, Action<EmulatorOptions>? emulator = null,
        Action<IServiceCollection>? workerServices = null, bool brokerGate = false)
    {
        var runningEmulator = await RunningEmulator.StartAsync(o =>
        {
            o.Notifications.RetryDelays = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(300), 10)];
            emulator?.Invoke(o);
        }, listeners: 2);
        var infrastructure = await TestInfrastructure.GetAsync();
        var database = await TestDatabase.CreateAsync(infrastructure);
        var broker = await TestVirtualHost.CreateAsync(infrastructure);
        var gate = brokerGate ? new TcpGate(broker.Amqp.Host, broker.Amqp.Port) : null;
        var amqp = gate is null ? broker.Amqp.ToString() : new UriBuilder(broker.Amqp) { Host = "127.0.0.1", Port = gate.Port }.Uri.ToString();
        var emulatorOrigin = runningEmulator.BaseAddress.GetLeftPart(UriPartial.Authority);

        var api = new PlatformAppFactory<ApiHost>(TestSettings.For(database, broker, new Dictionary<string, string?>
        {
            ["MiniApp:ExtraFrameAncestors:0"] = emulatorOrigin,
            ["RabbitMq:Url"] = amqp,
        }), kestrel: true, environment: "Testing"); // not Development: that would allow every loopback origin to frame the mini-app
        var apiAddress = api.ServerAddress;

        var settings = TestSettings.For(database, broker, new Dictionary<string, string?>
        {
            ["PublicUrls:ApiBaseUrl"] = apiAddress.GetLeftPart(UriPartial.Authority),
            ["RabbitMq:Url"] = amqp,
            ["Reconciliation:MinAge"] = "00:00:00",
            ["Reconciliation:Cron"] = "0 0 1 1 *", // tests run the jobs themselves
            ["Jobs:ExpiryCron"] = "0 0 1 1 *",
            ["Jobs:OutboxSweepCron"] = "0 0 1 1 *",
            ["OutboxSweep:Grace"] = "00:00:02",
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.500",
        });
        foreach (var (key, value) in workerSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        var workers = new PlatformAppFactory<WorkersHost>(settings, services: workerServices);
        _ = workers.Server;

        return new PlatformStack
        {
            Emulator = runningEmulator,
            EmulatorControl = new EmulatorControl(runningEmulator.BaseAddress),
            Database = database,
            Broker = broker,
            Data = MigrationServices.Build(database.Configuration()),
            Api = api,
            Workers = workers,
            ApiAddress = apiAddress,
            WorkerSettings = settings,
            BrokerGate = gate,
        };
    }

    /// <summary>A live shop whose credentials are those of an emulator merchant, with a few products.</summary>
    public async Task<Shop> SeedShopAsync(string slug, (string MerchantId, string Token, string NotificationKey) merchant)
    {
        var seeded = await TenantSeeder.SeedAsync(Data, slug, token: merchant.Token, notificationKey: merchant.NotificationKey,
            merchantId: merchant.MerchantId, apiBaseUrl: Emulator.BaseAddress.GetLeftPart(UriPartial.Authority));
        var products = await Data.GetRequiredService<TenantScopeFactory>().RunAsync(seeded.Id, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var now = DateTimeOffset.UtcNow;
            var category = new Category { Name = "Кофе", SortOrder = 0 };
            var piece = new Product { Category = category, Sku = "CUP", Name = "Капучино", Price = new Kopecks(22_000), VatCode = VatCode.RUS_VAT22, MeasureName = "шт", MeasureCode = "796", SortOrder = 1, CreatedAt = now, UpdatedAt = now };
            var weight = new Product { Category = category, Sku = "BEANS", Name = "Зёрна Эфиопия", Price = new Kopecks(245_000), VatCode = VatCode.RUS_VAT10, MeasureName = "кг", MeasureCode = "166", SortOrder = 2, CreatedAt = now, UpdatedAt = now };
            var added = new Product { Category = category, Sku = "RENT", Name = "Аренда кофемашины", Price = new Kopecks(80_000), VatCode = VatCode.RUS_VAT22_ADDED, MeasureName = "ч", MeasureCode = "356", SortOrder = 3, CreatedAt = now, UpdatedAt = now };
            db.Products.AddRange(piece, weight, added);
            await db.SaveChangesAsync();
            return (piece.Id, weight.Id, added.Id);
        });
        return new Shop(seeded.Id, seeded.ShopId, seeded.WebhookKey, products.Item1, products.Item2, products.Item3);
    }

    public sealed record Shop(Guid TenantId, int ShopId, string WebhookKey, Guid Piece, Guid Weight, Guid VatOnTop);

    public HttpClient ApiClient() => new() { BaseAddress = ApiAddress };

    /// <summary>Opens a buyer session and places an order through the public API, as the mini-app would.</summary>
    public async Task<(Guid OrderId, string Token)> PlaceOrderAsync(Shop shop, string mode = "order", string? container = null,
        string? idempotencyKey = null, params (Guid Product, decimal Quantity)[] items)
    {
        using var client = ApiClient();
        var session = await client.PostAsJsonAsync($"/m/{shop.ShopId}/api/session", new { minappType = mode, orderContainerId = container });
        session.EnsureSuccessStatusCode();
        var token = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        if (items.Length == 0)
            items = [(shop.Piece, 2), (shop.Weight, 0.5m)];
        var request = new HttpRequestMessage(HttpMethod.Post, $"/m/{shop.ShopId}/api/orders")
        {
            Content = JsonContent.Create(new
            {
                items = items.Select(i => new { productId = i.Product, quantity = i.Quantity }),
                buyer = new { name = "Анна Покупатель", email = "anna@example.com", phone = "+7 900 555-12-34" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202)
            throw new InvalidOperationException($"order not accepted: {(int)response.StatusCode} {body}");
        return (Guid.Parse(JsonDocument.Parse(body).RootElement.GetProperty("orderId").GetString()!), token);
    }

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<PlatformDbContext, Task<T>> work) =>
        Data.GetRequiredService<TenantScopeFactory>().RunAsync(tenantId, sp => work(sp.GetRequiredService<PlatformDbContext>()));

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (condition(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} not reached within {seconds} s; last value: {value}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (BrokerGate is not null)
            await BrokerGate.DisposeAsync();
        await Workers.DisposeAsync();
        await Api.DisposeAsync();
        await Data.DisposeAsync();
        EmulatorControl.Dispose();
        await Emulator.DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }
}
