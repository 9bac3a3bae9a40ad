using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Catalog;
using Platform.Web.Shared;

namespace Platform.Web.Catalog;

/// <summary>The product list in the order buyers see it, with search, ordering, (de)activation and CSV export.</summary>
public sealed class IndexModel(PlatformDbContext db, CatalogOrdering ordering, ProductCsv csv, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? Query { get; private set; }
    public Guid? CategoryId { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? q, Guid? category, [FromQuery(Name = Pager.QueryKey)] int? page, CancellationToken ct)
    {
        Query = q?.Trim();
        CategoryId = category;
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        var products = db.Products.AsNoTracking().Include(p => p.Category).AsQueryable();
        if (!string.IsNullOrEmpty(Query))
        {
            var pattern = LikePattern.Containing(Query);
            products = products.Where(p => EF.Functions.ILike(p.Sku, pattern) || EF.Functions.ILike(p.Name, pattern));
        }
        if (category is { } categoryId)
            products = products.Where(p => p.CategoryId == categoryId);
        var total = await products.CountAsync(ct);
        var current = Pager.Clamp(page, total, PageSize);
        Products = await products
            .OrderBy(p => p.Category == null ? int.MaxValue : p.Category.SortOrder).ThenBy(p => p.Category!.Name)
            .ThenBy(p => p.SortOrder).ThenBy(p => p.Name)
            .Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Pager = new Pager(current, PageSize, total, "/Catalog", new Dictionary<string, string?> { ["q"] = Query, ["category"] = category?.ToString() });
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await csv.WriteAsync(buffer, ct);
        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"catalog-{time.GetUtcNow():yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, int direction, CancellationToken ct) =>
        await ordering.MoveProductAsync(id, direction, ct) ? RedirectBack() : NotFound();

    public async Task<IActionResult> OnPostToggleAsync(Guid id, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
            return NotFound();
        product.IsActive = !product.IsActive;
        product.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return RedirectBack();
    }

    private IActionResult RedirectBack()
    {
        var referer = Request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Authority == Request.Host.Value && uri.AbsolutePath == "/Catalog"
            ? LocalRedirect(uri.PathAndQuery)
            : RedirectToPage();
    }
}
