using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Shops;
using Platform.Data.Tenancy;

namespace Platform.Web.Shop;

/// <summary>The signed-in merchant's shop row, read once per request (layout, pages).</summary>
public sealed class CurrentShop(PlatformDbContext db, ITenantContext tenant)
{
    private Tenant? _shop;

    public async Task<Tenant?> FindAsync(CancellationToken ct = default)
    {
        if (_shop is not null || tenant.TenantId is not { } id)
            return _shop;
        _shop = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return _shop;
    }
}
