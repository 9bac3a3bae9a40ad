using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Web.Localization;
using Platform.Web.Shared;

namespace Platform.Web.Orders;

/// <summary>The shop's orders, newest first, with filters, paging and CSV export of the filtered list.</summary>
public sealed class IndexModel(PlatformDbContext db, OrderSearch search, OrdersCsv csv, TimeProvider time, PortalClock clock) : PageModel
{
    private const int PageSize = 25;

    public PortalClock Clock => clock;
    public OrderFilters Filters { get; private set; } = new(null, null, null, null);
    public IReadOnlyList<Order> Orders { get; private set; } = [];
    /// <summary>What was refunded of the orders on this page (absent: nothing).</summary>
    public IReadOnlyDictionary<Guid, Kopecks> Refunded { get; private set; } = new Dictionary<Guid, Kopecks>();
    public Pager Pager { get; private set; } = null!;
    public string ExportUrl { get; private set; } = "";

    public async Task OnGetAsync(OrderStatus? status, DateOnly? from, DateOnly? to, string? q, [FromQuery(Name = Pager.QueryKey)] int? page, CancellationToken ct)
    {
        Filters = new OrderFilters(status, from, to, q?.Trim());
        var orders = search.Apply(Filters);
        var total = await orders.CountAsync(ct);
        var current = Pager.Clamp(page, total, PageSize);
        Orders = await orders.OrderByDescending(o => o.CreatedAt).Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = Orders.Select(o => o.Id).ToList();
        Refunded = await db.Refunds.Where(r => ids.Contains(r.OrderId)).ByOrderAsync(ct);
        Pager = new Pager(current, PageSize, total, "/Orders", Filters.ToQuery());
        ExportUrl = new Pager(1, PageSize, 0, "/Orders", Filters.ToQuery().Append(new("handler", "Export")).ToDictionary()).Link(1);
    }

    public async Task<IActionResult> OnGetExportAsync(OrderStatus? status, DateOnly? from, DateOnly? to, string? q, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await csv.WriteAsync(search.Apply(new OrderFilters(status, from, to, q?.Trim())), buffer, ct);
        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"orders-{time.GetUtcNow():yyyy-MM-dd}.csv");
    }
}
