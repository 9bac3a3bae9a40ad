using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Web.Account;
using Platform.Web.Localization;
using Platform.Web.Orders;
using Platform.Web.Shop;

namespace Platform.Web;

/// <summary>The start page: a merchant's overview (status, checklist, 30-day chart, latest orders); operators go to the console.</summary>
public sealed class IndexModel(PlatformDbContext db, ITenantContext tenant, ShopReadiness readiness, OrderChart chart, PortalClock clock) : PageModel
{
    public PortalClock Clock => clock;
    public string ShopName { get; private set; } = "";
    public TenantStatus Status { get; private set; }
    public IReadOnlyList<ReadinessItem> Checklist { get; private set; } = [];
    public IReadOnlyList<ChartDay> Days { get; private set; } = [];
    public Kopecks Revenue => Days.Sum(d => d.Revenue);
    public Kopecks Refunded => Days.Sum(d => d.Refunded);
    public string ChartSvg { get; private set; } = "";
    public IReadOnlyList<Order> Latest { get; private set; } = [];
    public int Awaiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.IsMerchant())
            return User.IsConsoleUser() ? LocalRedirect("/Operator") : Forbid();
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        ShopName = shop.DisplayName;
        Status = shop.Status;
        Checklist = await readiness.CheckAsync(ct);
        Days = await chart.LoadAsync(ct);
        ChartSvg = OrderChart.Svg(Days);
        Latest = await db.Orders.AsNoTracking().OrderByDescending(o => o.CreatedAt).Take(5).ToListAsync(ct);
        Awaiting = await db.Orders.CountAsync(o => o.Status == OrderStatus.AwaitingPayment, ct);
        return Page();
    }
}
