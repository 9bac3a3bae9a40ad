using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Orders;

/// <summary>Turns overdue orders into <c>expired</c> even when nobody reads them.</summary>
public sealed class ExpirySweeper(OrderStore store, IOptions<EmulatorOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                store.ExpireDue();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
