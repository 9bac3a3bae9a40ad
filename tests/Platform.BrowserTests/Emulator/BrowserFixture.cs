using Invoicebox.Emulator;
using Microsoft.Playwright;

namespace Platform.BrowserTests.Emulator;

/// <summary>
/// Debian Chromium driven by Playwright (no browser download), plus an emulator listening on two loopback ports:
/// the parent window is served from the first, the probe mini-app from the second, so the frame is cross-origin as in production.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public RunningEmulator Emulator { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public Uri ParentOrigin => Emulator.Addresses[0];
    public Uri ProbeOrigin => Emulator.Addresses[1];

    public async Task InitializeAsync()
    {
        Emulator = await RunningEmulator.StartAsync(listeners: 2);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    /// <summary>The parent window framing the probe: <c>/_emulator/parent?src=&lt;probe on the other origin&gt;&amp;mode=…</c>.</summary>
    public string ParentUrl(string mode, string extraQuery = "") =>
        new Uri(ParentOrigin, $"/_emulator/parent?mode={mode}&src={Uri.EscapeDataString(new Uri(ProbeOrigin, "/_emulator/probe/").ToString())}{extraQuery}").ToString();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Emulator.DisposeAsync();
    }

    public static string ScreenshotPath(string name) => Chromium.ScreenshotPath(name);
}
