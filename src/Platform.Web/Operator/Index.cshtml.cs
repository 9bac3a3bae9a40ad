using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Data.Shops;
using Platform.Web.Localization;
using Platform.Web.Shop;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Operator;

/// <summary>The operator console: every shop, its health signs, and suspend/resume (operators only; support reads).</summary>
public sealed class IndexModel(ShopOverview overview, ShopLifecycle lifecycle, PlatformDbContext db, PortalClock clock, IOptions<PortalOptions> portal) : PageModel
{
    public PortalClock Clock => clock;
    public IReadOnlyList<ShopRow> Shops { get; private set; } = [];
    public bool CanAct => User.IsInRole(PlatformRoles.Operator);
    public string DashboardUrl => portal.Value.DashboardUrl;

    public async Task OnGetAsync(CancellationToken ct) => Shops = await overview.LoadAsync(ct);

    public async Task<IActionResult> OnPostSuspendAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (!CanAct)
            return Forbid();
        if (!await db.Tenants.AnyAsync(t => t.Id == id, ct))
            return NotFound();
        await lifecycle.SuspendByOperatorAsync(id, reason, ct);
        TempData["Notice"] = T("Магазин приостановлен.", "The shop has been suspended.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct)
    {
        if (!CanAct)
            return Forbid();
        if (!await db.Tenants.AnyAsync(t => t.Id == id, ct))
            return NotFound();
        TempData["Notice"] = await lifecycle.ResumeByOperatorAsync(id, ct) == TenantStatus.Suspended
            ? T("Приостановка оператором снята. Магазин остаётся приостановленным его владельцем.", "The operator's suspension is lifted. The shop stays paused by its owner.")
            : T("Магазин возобновлён.", "The shop has been resumed.");
        return RedirectToPage();
    }
}
