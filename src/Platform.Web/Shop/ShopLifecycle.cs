using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>
/// Draft → Live → Suspended → Live. Only a live shop serves buyers (the buyer API answers 409 shop_unavailable
/// otherwise), so every change is followed by <see cref="TenantChangeNotifier.NotifyAsync"/>, which evicts the buyer
/// API's cached copy at once. A shop is suspended while its owner paused it or an operator suspended it (either or
/// both); the owner lifts only their pause, an operator only theirs.
/// </summary>
public sealed class ShopLifecycle(PlatformDbContext db, ShopReadiness readiness, TenantChangeNotifier notifier, TimeProvider time)
{
    /// <summary>The owner launches a draft or resumes their paused shop.</summary>
    /// <returns>Null on success, else why not.</returns>
    public Task<string?> LaunchAsync(Guid tenantId, CancellationToken ct) => ChangeAsync(tenantId, async shop =>
    {
        if (shop.Status == TenantStatus.Live)
            return null;
        if (shop.SuspendedByOperator)
            return T("Магазин приостановлен оператором платформы. Обратитесь в поддержку.", "The platform's operator suspended this shop. Please contact support.");
        if ((await readiness.CheckAsync(ct)).Any(item => !item.Done))
            return T("Сначала выполните все пункты списка.", "Complete every item of the checklist first.");
        shop.PausedByOwner = false;
        shop.Status = TenantStatus.Live;
        shop.LiveSince ??= time.GetUtcNow();
        shop.SuspendedAt = null;
        return (string?)null;
    }, ct);

    /// <summary>The owner pauses a live shop; under an operator's suspension the pause is remembered for when it is lifted.</summary>
    public Task PauseByOwnerAsync(Guid tenantId, CancellationToken ct) => ChangeAsync(tenantId, shop =>
    {
        if (shop.Status != TenantStatus.Draft && !shop.PausedByOwner)
        {
            shop.PausedByOwner = true;
            Suspend(shop);
        }
    }, ct);

    public Task SuspendByOperatorAsync(Guid tenantId, string? reason, CancellationToken ct) => ChangeAsync(tenantId, shop =>
    {
        if (!shop.SuspendedByOperator)
        {
            shop.SuspendedByOperator = true;
            shop.SuspensionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
            Suspend(shop);
        }
    }, ct);

    /// <summary>
    /// An operator lifts their suspension: a shop its owner paused stays suspended; otherwise it is live again if it had
    /// been live, else back to draft.
    /// </summary>
    /// <returns>The shop's status afterwards.</returns>
    public Task<TenantStatus> ResumeByOperatorAsync(Guid tenantId, CancellationToken ct) => ChangeAsync(tenantId, shop =>
    {
        if (shop.SuspendedByOperator)
        {
            shop.SuspendedByOperator = false;
            shop.SuspensionReason = null;
            if (!shop.PausedByOwner)
            {
                shop.Status = shop.LiveSince is null ? TenantStatus.Draft : TenantStatus.Live;
                shop.SuspendedAt = null;
            }
        }
        return shop.Status;
    }, ct);

    private void Suspend(Tenant shop)
    {
        if (shop.Status == TenantStatus.Suspended)
            return;
        // Remembers that the shop had been live, so lifting the suspension returns it to live rather than draft.
        if (shop.Status == TenantStatus.Live)
            shop.LiveSince ??= time.GetUtcNow();
        shop.Status = TenantStatus.Suspended;
        shop.SuspendedAt = time.GetUtcNow();
    }

    private Task ChangeAsync(Guid tenantId, Action<Tenant> change, CancellationToken ct) =>
        ChangeAsync(tenantId, shop =>
        {
            change(shop);
            return true;
        }, ct);

    private Task<T> ChangeAsync<T>(Guid tenantId, Func<Tenant, T> change, CancellationToken ct) =>
        ChangeAsync(tenantId, shop => Task.FromResult(change(shop)), ct);

    /// <summary>
    /// Reads the shop under a row lock and saves the change in one transaction, so an owner's resume and an operator's
    /// suspension sent at the same moment are applied one after the other and neither is lost.
    /// </summary>
    private async Task<T> ChangeAsync<T>(Guid tenantId, Func<Tenant, Task<T>> change, CancellationToken ct)
    {
        T result;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var shop = await db.Tenants.FromSql($"""SELECT * FROM app."Tenants" WHERE "Id" = {tenantId} FOR UPDATE""").SingleAsync(ct);
            result = await change(shop);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await notifier.NotifyAsync(tenantId, ct);
        return result;
    }
}
