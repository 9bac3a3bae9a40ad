using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>
/// Draft → Live → Suspended → Live. Only a live shop serves buyers (the buyer API answers 409 shop_unavailable
/// otherwise), so every change is followed by <see cref="TenantChangeNotifier.NotifyAsync"/>, which evicts the buyer
/// API's cached copy at once. A suspension by an operator can only be lifted by an operator.
/// </summary>
public sealed class ShopLifecycle(PlatformDbContext db, ShopReadiness readiness, TenantChangeNotifier notifier, TimeProvider time)
{
    /// <returns>Null on success, else why not.</returns>
    public async Task<string?> LaunchAsync(Guid tenantId, CancellationToken ct)
    {
        var shop = await db.Tenants.SingleAsync(t => t.Id == tenantId, ct);
        if (shop.Status == TenantStatus.Live)
            return null;
        if (shop is { Status: TenantStatus.Suspended, SuspendedByOperator: true })
            return T("Магазин приостановлен оператором платформы. Обратитесь в поддержку.", "The platform's operator suspended this shop. Please contact support.");
        if ((await readiness.CheckAsync(ct)).Any(item => !item.Done))
            return T("Сначала выполните все пункты списка.", "Complete every item of the checklist first.");
        shop.Status = TenantStatus.Live;
        shop.LiveSince ??= time.GetUtcNow();
        shop.SuspendedAt = null;
        shop.SuspensionReason = null;
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(tenantId, ct);
        return null;
    }

    public async Task SuspendAsync(Guid tenantId, bool byOperator, string? reason, CancellationToken ct)
    {
        var shop = await db.Tenants.SingleAsync(t => t.Id == tenantId, ct);
        if (shop.Status == TenantStatus.Suspended && (shop.SuspendedByOperator || !byOperator))
            return;
        // Remembers that the shop had been live, so lifting the suspension returns it to live rather than draft.
        if (shop.Status == TenantStatus.Live)
            shop.LiveSince ??= time.GetUtcNow();
        shop.Status = TenantStatus.Suspended;
        shop.SuspendedAt = time.GetUtcNow();
        shop.SuspendedByOperator = byOperator;
        shop.SuspensionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(tenantId, ct);
    }

    /// <summary>An operator lifts a suspension: the shop is live again if it had been live, else back to draft.</summary>
    public async Task ResumeByOperatorAsync(Guid tenantId, CancellationToken ct)
    {
        var shop = await db.Tenants.SingleAsync(t => t.Id == tenantId, ct);
        if (shop.Status != TenantStatus.Suspended)
            return;
        shop.Status = shop.LiveSince is null ? TenantStatus.Draft : TenantStatus.Live;
        shop.SuspendedAt = null;
        shop.SuspendedByOperator = false;
        shop.SuspensionReason = null;
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(tenantId, ct);
    }
}
