using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Web.Account;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>The go-live checklist, «Запустить» (draft → live), and suspend/resume by the owner.</summary>
public sealed class LaunchModel(PlatformDbContext db, ITenantContext tenant, ShopReadiness readiness, ShopLifecycle lifecycle) : PageModel
{
    public TenantStatus Status { get; private set; }
    public bool SuspendedByOperator { get; private set; }
    public bool PausedByOwner { get; private set; }
    public string? SuspensionReason { get; private set; }
    public IReadOnlyList<ReadinessItem> Checklist { get; private set; } = [];
    public bool Ready => Checklist.All(i => i.Done);
    public bool CanEdit => User.IsOwner();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        Status = shop.Status;
        SuspendedByOperator = shop.SuspendedByOperator;
        PausedByOwner = shop.PausedByOwner;
        SuspensionReason = shop.SuspensionReason;
        Checklist = await readiness.CheckAsync(ct);
    }

    public async Task<IActionResult> OnPostLaunchAsync(CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        var problem = await lifecycle.LaunchAsync(tenant.RequireTenantId(), ct);
        if (problem is null)
            TempData["Notice"] = T("Магазин запущен. Покупатели уже видят мини-приложение.", "The shop is live. Buyers can see the mini-app now.");
        else
            TempData["Problem"] = problem;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSuspendAsync(CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        await lifecycle.PauseByOwnerAsync(tenant.RequireTenantId(), ct);
        TempData["Notice"] = T("Магазин приостановлен. Покупатели его не видят.", "The shop is suspended. Buyers cannot see it.");
        return RedirectToPage();
    }
}
