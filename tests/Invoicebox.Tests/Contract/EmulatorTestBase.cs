namespace Invoicebox.Tests.Contract;

/// <summary>One emulator per test class, started before its first test and stopped after its last.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected EmulatorHarness Harness { get; private set; } = null!;

    protected virtual Task<EmulatorHarness> StartHarnessAsync() => EmulatorHarness.StartAsync();

    public async Task InitializeAsync() => Harness = await StartHarnessAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
