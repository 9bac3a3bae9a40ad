using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Invoicebox;

namespace Invoicebox.Tests.Client;

/// <summary>The client as a host would register it, with its HTTP pipeline ending in a <see cref="ScriptedInvoicebox"/>.</summary>
public sealed class ClientHarness : IDisposable
{
    public const string Token = "0123456789abcdef0123456789abcdef";
    public const string MerchantId = "11111111-2222-4333-8444-555555555555";

    private readonly ServiceProvider services;

    public ClientHarness(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Invoicebox:ReadRetryBaseDelay"] = "00:00:00.010",
                ["Invoicebox:RequestTimeout"] = "00:00:02",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        collection.AddInvoiceboxClient(configuration.GetSection("Invoicebox"));
        collection.AddHttpClient(InvoiceboxServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Server);
        services = collection.BuildServiceProvider();
    }

    public ScriptedInvoicebox Server { get; } = new();
    public CapturedLogs Logs { get; } = new();

    public IInvoiceboxClientFactory Factory => services.GetRequiredService<IInvoiceboxClientFactory>();

    public IInvoiceboxClient Client(string merchantId = MerchantId, string prefix = "/v3") =>
        Factory.Create(new InvoiceboxCredentials("https://api.invoicebox.test", prefix, merchantId, Token));

    public void Dispose() => services.Dispose();
}
