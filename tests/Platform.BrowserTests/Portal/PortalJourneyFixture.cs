using Microsoft.Playwright;
using Platform.Testing;
using Platform.Web;

namespace Platform.BrowserTests.Portal;

/// <summary>
/// The whole platform in-process (emulator, API with the built mini-app, workers) plus the merchant portal on a real
/// loopback port of its own, all on one database, and a Chromium.
/// </summary>
public sealed class PortalJourneyFixture : IAsyncLifetime
{
    public PlatformStack Stack { get; private set; } = null!;
    public PlatformAppFactory<WebHost> Portal { get; private set; } = null!;
    public Uri PortalAddress { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private readonly string _mail = Directory.CreateTempSubdirectory("portal-journey-mail-").FullName;

    public string EmulatorOrigin => Stack.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        Stack = await PlatformStack.StartAsync();
        var infrastructure = await TestInfrastructure.GetAsync();
        Portal = new PlatformAppFactory<WebHost>(TestSettings.For(Stack.Database, Stack.Broker, new Dictionary<string, string?>
        {
            ["PublicUrls:ApiBaseUrl"] = Stack.ApiAddress.GetLeftPart(UriPartial.Authority),
            ["Portal:EmulatorUrl"] = EmulatorOrigin,
            ["Portal:DefaultInvoiceboxBaseUrl"] = EmulatorOrigin,
            ["Mail:Folder"] = _mail,
            ["RabbitMq:ManagementUrl"] = infrastructure.Management.ToString(),
        }), kestrel: true);
        PortalAddress = Portal.ServerAddress;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Portal.DisposeAsync();
        await Stack.DisposeAsync();
        Directory.Delete(_mail, recursive: true);
    }

    public string PortalUrl(string path) => new Uri(PortalAddress, path).ToString();
}
