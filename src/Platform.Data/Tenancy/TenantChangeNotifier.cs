using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Data.Tenancy;

/// <summary>
/// Cross-process invalidation of <see cref="TenantStore"/> through PostgreSQL LISTEN/NOTIFY: the portal edits a shop,
/// every Api and Workers process evicts that tenant at once.
/// </summary>
public sealed class TenantChangeNotifier(PlatformDbContext db, TenantStore store)
{
    public const string Channel = "platform_tenant_changed";

    public async Task NotifyAsync(Guid tenantId, CancellationToken ct)
    {
        store.Evict(tenantId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {tenantId.ToString()})", ct);
    }
}

/// <summary>Listens for <see cref="TenantChangeNotifier.Channel"/> and evicts the named tenant from this process's cache.</summary>
public sealed class TenantChangeListener(NpgsqlDataSource dataSource, TenantStore store, ILogger<TenantChangeListener> log) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once LISTEN is active (the first time).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var tenantId))
                        store.Evict(tenantId);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {TenantChangeNotifier.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Anything cached before LISTEN took effect may have missed a change.
                store.EvictAll();
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Tenant change listener lost its connection; retrying");
                store.EvictAll();
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
