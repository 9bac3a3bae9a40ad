using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Web.Catalog;

/// <summary>Moves a product or category one place up or down by swapping sort orders with its neighbour.</summary>
public sealed class CatalogOrdering(PlatformDbContext db)
{
    /// <summary>Within the product's own category, in the order buyers see.</summary>
    public async Task<bool> MoveProductAsync(Guid id, int direction, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
            return false;
        var siblings = await db.Products.Where(p => p.CategoryId == product.CategoryId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Name).ToListAsync(ct);
        Swap(siblings, siblings.IndexOf(product), direction, p => p.SortOrder, (p, v) => p.SortOrder = v);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> MoveCategoryAsync(Guid id, int direction, CancellationToken ct)
    {
        var categories = await db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        var index = categories.FindIndex(c => c.Id == id);
        if (index < 0)
            return false;
        Swap(categories, index, direction, c => c.SortOrder, (c, v) => c.SortOrder = v);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Swap<T>(List<T> items, int index, int direction, Func<T, int> get, Action<T, int> set)
    {
        // Renumber first, so equal sort orders (imports, old rows) still move predictably.
        for (var i = 0; i < items.Count; i++)
            set(items[i], i);
        var other = index + Math.Sign(direction);
        if (index < 0 || other < 0 || other >= items.Count)
            return;
        set(items[index], other);
        set(items[other], index);
    }
}
