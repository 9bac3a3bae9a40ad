using System.Net.Http.Json;
using Invoicebox.Emulator;
using Invoicebox.Tests.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;

namespace Invoicebox.Tests.Contract;

/// <summary>
/// The emulator on a real loopback port and our client registered as a host registers it, talking to it over HTTP.
/// The emulator's own rate limit is off unless a test asks for it.
/// </summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private EmulatorHarness(RunningEmulator emulator, Dictionary<string, string?>? clientSettings)
    {
        Emulator = emulator;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Invoicebox:ReadRetryBaseDelay"] = "00:00:00.010" })
            .AddInMemoryCollection(clientSettings ?? [])
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        collection.AddInvoiceboxClient(configuration.GetSection("Invoicebox"));
        services = collection.BuildServiceProvider();
    }

    public RunningEmulator Emulator { get; }
    public CapturedLogs Logs { get; } = new();

    public static async Task<EmulatorHarness> StartAsync(
        Action<EmulatorOptions>? configureEmulator = null,
        Dictionary<string, string?>? clientSettings = null)
    {
        var emulator = await RunningEmulator.StartAsync(options =>
        {
            options.RateLimit.PermitLimit = 0;
            options.Notifications.RetryDelays = [TimeSpan.FromMilliseconds(200)];
            configureEmulator?.Invoke(options);
        });
        return new EmulatorHarness(emulator, clientSettings);
    }

    public IInvoiceboxClient Client(EmulatorMerchants.Merchant merchant, string prefix = "/v3") =>
        Client(merchant.MerchantId, merchant.Token, prefix);

    public IInvoiceboxClient Client(string merchantId, string token, string prefix = "/v3") =>
        services.GetRequiredService<IInvoiceboxClientFactory>()
            .Create(new InvoiceboxCredentials(Emulator.BaseAddress.ToString(), prefix, merchantId, token));

    /// <summary>The payer pays the whole invoice (control endpoint of the emulator).</summary>
    public async Task PayAsync(string containerId)
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.PostAsync($"/_emulator/containers/{Uri.EscapeDataString(containerId)}/pay", JsonContent.Create(new { }));
        Assert.True(response.IsSuccessStatusCode,
            $"POST /_emulator/containers/{{id}}/pay answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static Basket Basket(params (string Sku, decimal Price, VatCode Code, decimal Quantity)[] lines) =>
        BasketCalculator.Calculate(lines.Select(line => new BasketLineInput(
            $"Item {line.Sku}", line.Sku, Kopecks.FromRoubles(line.Price), line.Code, line.Quantity,
            OkeiUnits.Piece.Name, OkeiUnits.Piece.Code, ItemType.Service, PaymentType.FullPrepayment)));

    public static Basket TicketAndFee() => Basket(("TARIFF-STD", 600.00m, VatCode.RUS_VAT20, 2m), ("FEE-1", 150.00m, VatCode.VATNONE, 1m));

    public static CreateOrderRequest Order(Basket basket, string? merchantOrderId = null, string? notificationUrl = null) =>
        CreateOrderRequest.FromBasket(
            basket,
            merchantOrderId ?? NewOrderNumber(),
            "Contract test order",
            DateTimeOffset.UtcNow.AddHours(1),
            new Customer { Type = Customer.PrivateType, Name = "Ivan Testov", Phone = "79990000001", Email = "ivan.testov@example.com" })
        with { NotificationUrl = notificationUrl, LanguageId = "ru" };

    public static string NewOrderNumber() => "CT-" + Guid.NewGuid().ToString("N")[..12];

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
