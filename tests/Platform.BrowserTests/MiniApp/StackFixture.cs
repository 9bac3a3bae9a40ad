using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.BrowserTests.MiniApp;

/// <summary>The whole platform in-process (emulator, API serving the built mini-app, workers) and a Chromium.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public PlatformStack Stack { get; private set; } = null!;
    public PlatformStack.Shop Shop { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await PlatformStack.StartAsync();
        Shop = await Stack.SeedShopAsync("browser-shop", PlatformStack.MerchantZerno);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Stack.DisposeAsync();
    }

    public string MiniAppUrl => new Uri(Stack.ApiAddress, $"/m/{Shop.ShopId}/").ToString();

    /// <summary>The emulator's parent window (Invoicebox's role) framing this shop's mini-app.</summary>
    public string ParentUrl(string mode, Uri? parentOrigin = null) =>
        new Uri(parentOrigin ?? Stack.Emulator.BaseAddress, $"/_emulator/parent?mode={mode}&src={Uri.EscapeDataString(MiniAppUrl)}").ToString();
}
