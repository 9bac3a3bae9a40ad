using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Data;
using Platform.Data.Catalog;
using Platform.Data.Orders;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Domain.Money;
using Platform.Migrations;
using Platform.ServiceDefaults.Messaging;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>Records every SubmitOrder the API publishes, from a bus of its own on the class's virtual host.</summary>
public sealed class SubmitOrderProbe : IConsumer<SubmitOrder>
{
    public static readonly ConcurrentBag<SubmitOrder> Received = [];

    public Task Consume(ConsumeContext<SubmitOrder> context)
    {
        Received.Add(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>The API in-process on a database and virtual host of its own, with three shops (two live, one draft).</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public TestVirtualHost Broker { get; private set; } = null!;
    public PlatformAppFactory<ApiHost> App { get; private set; } = null!;
    public ServiceProvider Data { get; private set; } = null!;
    private IHost _probeBus = null!;

    public string MiniAppBuild { get; private set; } = "";
    public TenantSeeder.SeededTenant ShopA { get; private set; } = null!;
    public TenantSeeder.SeededTenant ShopB { get; private set; } = null!;
    public TenantSeeder.SeededTenant DraftShop { get; private set; } = null!;

    /// <summary>Shop A's catalog: a piece product at 123.45 with 20% VAT inside, coffee by the kilogram, a service with 22% VAT on top, an inactive one.</summary>
    public Guid Piece { get; private set; }
    public Guid Coffee { get; private set; }
    public Guid ServiceAdded { get; private set; }
    public Guid Inactive { get; private set; }

    public async Task InitializeAsync()
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        Database = await TestDatabase.CreateAsync(infrastructure);
        Broker = await TestVirtualHost.CreateAsync(infrastructure);
        Data = MigrationServices.Build(Database.Configuration());
        ShopA = await TenantSeeder.SeedAsync(Data, "api-a");
        ShopB = await TenantSeeder.SeedAsync(Data, "api-b");
        DraftShop = await TenantSeeder.SeedAsync(Data, "api-draft", TenantStatus.Draft);

        await Data.GetRequiredService<TenantScopeFactory>().RunAsync(ShopA.Id, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var now = DateTimeOffset.UtcNow;
            Product Make(string sku, long price, VatCode vat, string measure, string code, bool active = true) => new()
            {
                Sku = sku, Name = sku, Price = new Kopecks(price), VatCode = vat, MeasureName = measure, MeasureCode = code,
                IsActive = active, CreatedAt = now, UpdatedAt = now,
            };
            var piece = Make("PIECE", 12_345, VatCode.RUS_VAT20, "шт", "796");
            var coffee = Make("COFFEE", 245_000, VatCode.RUS_VAT22, "кг", "166");
            var service = Make("SERVICE", 80_000, VatCode.RUS_VAT22_ADDED, "ч", "356");
            var inactive = Make("GONE", 5_000, VatCode.VATNONE, "шт", "796", active: false);
            db.Products.AddRange(piece, coffee, service, inactive);
            await db.SaveChangesAsync();
            (Piece, Coffee, ServiceAdded, Inactive) = (piece.Id, coffee.Id, service.Id, inactive.Id);
        });

        var busBuilder = Host.CreateApplicationBuilder();
        busBuilder.Configuration["RabbitMq:Url"] = Broker.Amqp.ToString();
        busBuilder.Services.AddPlatformData(Database.Configuration());
        busBuilder.Services.AddPlatformBus(busBuilder.Configuration, x => x.AddConsumer<SubmitOrderProbe>());
        _probeBus = busBuilder.Build();
        await _probeBus.StartAsync();

        // A stand-in build of the front end, so these tests do not depend on npm having run.
        MiniAppBuild = Directory.CreateTempSubdirectory("miniapp-").FullName;
        Directory.CreateDirectory(Path.Combine(MiniAppBuild, "assets"));
        await File.WriteAllTextAsync(Path.Combine(MiniAppBuild, "index.html"), "<!doctype html><title>mini-app</title><script type=module src=/m/assets/app-1.js></script>");
        await File.WriteAllTextAsync(Path.Combine(MiniAppBuild, "assets", "app-1.js"), "console.log('mini-app')");
        App = new PlatformAppFactory<ApiHost>(TestSettings.For(Database, Broker, new Dictionary<string, string?>
        {
            ["MiniApp:ExtraFrameAncestors:0"] = "http://127.0.0.1:5400",
            ["MiniApp:BuildPath"] = MiniAppBuild,
        }), kestrel: true); // real HTTP: body-size limits and client addresses behave as in production
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _probeBus.StopAsync();
        _probeBus.Dispose();
        await Data.DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(MiniAppBuild, recursive: true);
    }

    public HttpClient Client(string locale = "ru")
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(locale);
        return client;
    }

    public async Task<string> SessionTokenAsync(int shopId, string mode = "order", string? container = null)
    {
        var response = await Client().PostAsJsonAsync($"/m/{shopId}/api/session", new { minappType = mode, orderContainerId = container });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static HttpRequestMessage OrderRequest(int shopId, string token, string? idempotencyKey, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/m/{shopId}/api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public Task<T> InTenantAsync<T>(Guid tenantId, Func<PlatformDbContext, Task<T>> work) =>
        Data.GetRequiredService<TenantScopeFactory>().RunAsync(tenantId, sp => work(sp.GetRequiredService<PlatformDbContext>()));
}

[CollectionDefinition(nameof(ApiCollection))]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>;
