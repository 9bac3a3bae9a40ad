using Invoicebox.Emulator.Faults;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Notifications;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator;

/// <summary>
/// An emulator started in-process on real loopback ports, for tests:
/// <code>await using var emulator = await RunningEmulator.StartAsync(o => o.Notifications.RetryDelays = [TimeSpan.FromMilliseconds(50)]);</code>
/// <see cref="BaseAddress"/> is e.g. <c>http://127.0.0.1:41234/</c>. With <paramref name="listeners"/> = 2 it also listens on a
/// second port (<see cref="Addresses"/>[1]): a different origin, for framing the probe cross-origin.
/// </summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private RunningEmulator(WebApplication app)
    {
        App = app;
        Addresses = [.. EmulatorApp.BaseAddresses(app).Select(a => new Uri(a.GetLeftPart(UriPartial.Authority) + "/"))];
    }

    public WebApplication App { get; }

    public IReadOnlyList<Uri> Addresses { get; }

    public Uri BaseAddress => Addresses[0];

    public IServiceProvider Services => App.Services;

    public MerchantRegistry Merchants => Services.GetRequiredService<MerchantRegistry>();
    public OrderStore Orders => Services.GetRequiredService<OrderStore>();
    public NotificationOutbox Notifications => Services.GetRequiredService<NotificationOutbox>();
    public FaultState Faults => Services.GetRequiredService<FaultState>();

    public static async Task<RunningEmulator> StartAsync(
        Action<EmulatorOptions>? configure = null,
        Action<IServiceCollection>? configureServices = null,
        int listeners = 1)
    {
        var urls = string.Join(';', Enumerable.Repeat("http://127.0.0.1:0", listeners));
        var app = EmulatorApp.Build(["--urls", urls, "--environment", "Production"], configure, configureServices);
        await app.StartAsync();
        return new RunningEmulator(app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
