using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Platform.Data.Shops;

namespace Platform.Data.Tenancy;

/// <summary>What the buyer edge needs to know about a tenant, resolved without a tenant context.</summary>
public sealed record TenantInfo(
    Guid Id,
    string Name,
    TenantStatus Status,
    string DisplayName,
    Guid? LogoImageId,
    string BrandColor,
    string DefaultLocale,
    string WebhookKey,
    IReadOnlyList<string> FramingOrigins);

/// <summary>A point of sale and its tenant.</summary>
public sealed record PointOfSaleInfo(Guid Id, int ShopId, TenantInfo Tenant);

/// <summary>
/// Turns a point-of-sale id (buyer routes) or a webhook key (notifications) into a tenant. Cached; an edit of a shop
/// must call <see cref="TenantChangeNotifier.NotifyAsync"/>, which evicts the entries here and in every other process.
/// </summary>
public sealed class TenantStore(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider time)
{
    // Bounds staleness if a change notification is ever missed (listener reconnecting).
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _evictions = new();

    public Task<PointOfSaleInfo?> FindByShopIdAsync(int shopId, CancellationToken ct) =>
        GetOrLoadAsync($"pos:{shopId}", ct, async db =>
        {
            var pos = await db.PointsOfSale.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
                .Where(p => p.ShopId == shopId).Select(p => new { p.Id, p.ShopId, p.TenantId }).SingleOrDefaultAsync(ct);
            if (pos is null) return null;
            var tenant = await LoadTenantAsync(db, pos.TenantId, ct);
            return tenant is null ? null : new PointOfSaleInfo(pos.Id, pos.ShopId, tenant);
        }, p => p.Tenant.Id);

    public Task<TenantInfo?> FindByWebhookKeyAsync(string webhookKey, CancellationToken ct) =>
        GetOrLoadAsync($"hook:{webhookKey}", ct, async db =>
        {
            var id = await db.Tenants.AsNoTracking().Where(t => t.WebhookKey == webhookKey).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
            return id is { } tenantId ? await LoadTenantAsync(db, tenantId, ct) : null;
        }, t => t.Id);

    public Task<TenantInfo?> FindByIdAsync(Guid tenantId, CancellationToken ct) =>
        GetOrLoadAsync($"id:{tenantId}", ct, db => LoadTenantAsync(db, tenantId, ct), t => t.Id);

    /// <summary>Drops every cached entry of this tenant in this process.</summary>
    public void Evict(Guid tenantId)
    {
        if (_evictions.TryRemove(tenantId, out var cts))
        {
            cts.Cancel();
            cts.Dispose();
        }
    }

    /// <summary>Drops everything; used when the change listener reconnects and may have missed notifications.</summary>
    public void EvictAll()
    {
        foreach (var tenantId in _evictions.Keys)
            Evict(tenantId);
    }

    private async Task<T?> GetOrLoadAsync<T>(string key, CancellationToken ct, Func<PlatformDbContext, Task<T?>> load, Func<T, Guid> tenantOf)
        where T : class
    {
        if (cache.TryGetValue(key, out T? cached))
            return cached;

        await using var scope = scopes.CreateAsyncScope();
        var value = await load(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        if (value is null)
            return null; // unknown ids are not cached: nothing to invalidate, and no memory for random probes

        var eviction = _evictions.GetOrAdd(tenantOf(value), _ => new CancellationTokenSource());
        cache.Set(key, value, new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = time.GetUtcNow() + MaxAge,
            ExpirationTokens = { new CancellationChangeToken(eviction.Token) },
        });
        return value;
    }

    private static async Task<TenantInfo?> LoadTenantAsync(PlatformDbContext db, Guid tenantId, CancellationToken ct) =>
        await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new TenantInfo(t.Id, t.Name, t.Status, t.DisplayName, t.LogoImageId, t.BrandColor, t.DefaultLocale, t.WebhookKey, t.FramingOrigins))
            .SingleOrDefaultAsync(ct);
}
