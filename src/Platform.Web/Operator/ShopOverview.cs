using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Shops;
using Platform.Domain.Orders;

namespace Platform.Web.Operator;

public sealed record ShopRow(Guid Id, string Name, string Slug, TenantStatus Status, bool SuspendedByOperator, string? SuspensionReason, bool PausedByOwner,
    DateTimeOffset CreatedAt, DateTimeOffset? LastOrderAt, int RejectedLastDay, int FailedNotificationsLastDay, ConnectionCheck Connection, IReadOnlyList<int> ShopIds);

/// <summary>Where a shop's Invoicebox credentials stand: none entered, entered but never checked, the last check failed or passed.</summary>
public enum ConnectionCheck { NoCredentials, NotChecked, Failed, Passed }

/// <summary>Every shop with its status and the signs of trouble an operator watches: last order, rejections and failed notifications in 24 h.</summary>
public sealed class ShopOverview(PlatformDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ShopRow>> LoadAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().AddHours(-24);
        var shops = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        // The console is the platform's view across all shops: reading every tenant's rows here is the point.
        var lastOrders = await db.Orders.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .GroupBy(o => o.TenantId).Select(g => new { TenantId = g.Key, Last = g.Max(o => o.CreatedAt) }).ToDictionaryAsync(x => x.TenantId, x => x.Last, ct);
        // Cross-tenant by design (operator console).
        var rejected = await db.Orders.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(o => o.Status == OrderStatus.Rejected && o.UpdatedAt >= since)
            .GroupBy(o => o.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.TenantId, x => x.Count, ct);
        // Cross-tenant by design (operator console).
        var failedNotifications = await db.PaymentNotifications.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(n => n.ReceivedAt >= since && n.Outcome != "success")
            .GroupBy(n => n.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.TenantId, x => x.Count, ct);
        // Cross-tenant by design (operator console): whether each shop's credentials passed the check, never the secrets.
        var checks = await db.InvoiceboxSettings.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Select(s => new { s.TenantId, s.CheckedAt, s.CheckSucceeded })
            .ToDictionaryAsync(x => x.TenantId, x => x.CheckedAt is null ? ConnectionCheck.NotChecked : x.CheckSucceeded ? ConnectionCheck.Passed : ConnectionCheck.Failed, ct);
        // Cross-tenant by design (operator console).
        var points = (await db.PointsOfSale.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Select(p => new { p.TenantId, p.ShopId }).ToListAsync(ct))
            .ToLookup(p => p.TenantId, p => p.ShopId);
        return shops.Select(t => new ShopRow(t.Id, t.Name, t.Slug, t.Status, t.SuspendedByOperator, t.SuspensionReason, t.PausedByOwner, t.CreatedAt,
                lastOrders.TryGetValue(t.Id, out var last) ? last : null, rejected.GetValueOrDefault(t.Id), failedNotifications.GetValueOrDefault(t.Id),
                checks.GetValueOrDefault(t.Id, ConnectionCheck.NoCredentials), points[t.Id].OrderBy(id => id).ToList()))
            .ToList();
    }
}
