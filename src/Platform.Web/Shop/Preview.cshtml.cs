using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Buyers;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Web.Account;
using Platform.Web.Security;

namespace Platform.Web.Shop;

/// <summary>
/// The shop's mini-app inside the Invoicebox emulator's parent page, as buyers meet it. The buyer API is not weakened
/// for previews: a draft shop shows "unavailable" here too, and the page says why.
/// </summary>
public sealed class PreviewModel(PlatformDbContext db, ITenantContext tenant, PublicUrls urls, IOptions<PortalOptions> options,
    IWebHostEnvironment environment) : PageModel
{
    public bool Enabled => options.Value.PreviewEnabled ?? environment.IsDevelopment();
    public IReadOnlyList<int> Points { get; private set; } = [];
    public int SelectedPos { get; private set; }
    public string Mode { get; private set; } = "order";
    public TenantStatus Status { get; private set; }
    public string FrameUrl { get; private set; } = "";

    public async Task OnGetAsync(int? pos, string? mode, CancellationToken ct)
    {
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        Status = shop.Status;
        Points = await db.PointsOfSale.AsNoTracking().OrderBy(p => p.CreatedAt).Select(p => p.ShopId).ToListAsync(ct);
        if (!Enabled || Points.Count == 0)
            return;
        SelectedPos = pos is { } chosen && Points.Contains(chosen) ? chosen : Points[0];
        Mode = mode == "suborder" ? "suborder" : "order";
        var emulator = options.Value.EmulatorUrl.TrimEnd('/');
        FrameUrl = $"{emulator}/_emulator/parent?src={Uri.EscapeDataString(urls.MiniApp(SelectedPos))}&mode={Mode}";
        if (Uri.TryCreate(emulator, UriKind.Absolute, out var origin))
            SecurityHeaders.AllowFrame(HttpContext, origin.GetLeftPart(UriPartial.Authority));
    }
}
