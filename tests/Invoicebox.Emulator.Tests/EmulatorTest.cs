namespace Invoicebox.Emulator.Tests;

/// <summary>A fresh emulator on a loopback port per test, with a fast retry schedule.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private RunningEmulator? _emulator;
    private EmulatorClient? _client;

    protected RunningEmulator Emulator => _emulator ?? throw new InvalidOperationException("not started");
    protected EmulatorClient Client => _client ?? throw new InvalidOperationException("not started");

    /// <summary>Override to change options for every test of a class.</summary>
    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        _emulator = await RunningEmulator.StartAsync(o =>
        {
            o.Notifications.RetryDelays = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(30), 10)];
            o.Notifications.Timeout = TimeSpan.FromSeconds(5);
            Configure(o);
        });
        _client = new EmulatorClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_emulator is not null)
            await _emulator.DisposeAsync();
    }
}
