using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Buyers;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Web.Account;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>
/// The shop's Invoicebox points of sale. A <c>shopId</c> belongs to one shop on the whole platform (a unique index);
/// a taken one is refused with a clear sentence, without telling whose it is.
/// </summary>
public sealed class PointsOfSaleModel(PlatformDbContext db, ITenantContext tenant, TenantChangeNotifier notifier, PublicUrls urls, TimeProvider time)
    : PageModel
{
    public sealed record Row(Guid Id, int ShopId, string Name, string MiniAppUrl);

    public IReadOnlyList<Row> Points { get; private set; } = [];
    public bool CanEdit => User.IsOwner();

    [BindProperty] public string NewShopId { get; set; } = "";
    [BindProperty] public string NewName { get; set; } = "";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        NewName = NewName.Trim();
        if (!int.TryParse(NewShopId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var shopId) || shopId <= 0)
            ModelState.AddModelError(nameof(NewShopId), T("shopId — целое положительное число из кабинета Инвойсбокса.", "The shopId is a positive whole number from the Invoicebox cabinet."));
        if (NewName.Length > 200)
            ModelState.AddModelError(nameof(NewName), T("Не длиннее 200 символов.", "At most 200 characters."));
        if (ModelState.IsValid && await db.PointsOfSale.AnyAsync(p => p.ShopId == shopId, ct))
            ModelState.AddModelError(nameof(NewShopId), T("Эта точка продаж уже добавлена.", "This point of sale is already added."));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.PointsOfSale.Add(new PointOfSale { ShopId = shopId, Name = NewName.Length > 0 ? NewName : $"shopId {shopId}", CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(NewShopId), T("Эта точка продаж уже подключена к другому магазину платформы. Проверьте shopId или напишите в поддержку.",
                "This point of sale is already connected to another shop on the platform. Check the shopId or contact support."));
            await LoadAsync(ct);
            return Page();
        }
        await notifier.NotifyAsync(tenant.RequireTenantId(), ct);
        TempData["Notice"] = T("Точка продаж добавлена.", "The point of sale has been added.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        var point = await db.PointsOfSale.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (point is null)
            return NotFound();
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        if (shop.Status == TenantStatus.Live && await db.PointsOfSale.CountAsync(ct) == 1)
        {
            TempData["Problem"] = T("Это последняя точка продаж работающего магазина. Сначала приостановите магазин.",
                "This is the last point of sale of a live shop. Suspend the shop first.");
            return RedirectToPage();
        }
        db.PointsOfSale.Remove(point);
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(shop.Id, ct);
        TempData["Notice"] = T("Точка продаж удалена.", "The point of sale has been removed.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Points = (await db.PointsOfSale.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct))
            .Select(p => new Row(p.Id, p.ShopId, p.Name, urls.MiniApp(p.ShopId))).ToList();
}
