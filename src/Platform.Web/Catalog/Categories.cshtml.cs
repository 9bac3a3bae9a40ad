using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Catalog;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Catalog;

/// <summary>Categories: add, rename, order, delete (their products stay, without a category).</summary>
public sealed class CategoriesModel(PlatformDbContext db, CatalogOrdering ordering) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? name, CancellationToken ct)
    {
        if (!await ValidNameAsync(name, null, ct))
            return await PageAsync(ct);
        var next = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? -1) + 1;
        db.Categories.Add(new Category { Name = name!.Trim(), SortOrder = next });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name, CancellationToken ct)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
            return NotFound();
        if (!await ValidNameAsync(name, id, ct))
            return await PageAsync(ct);
        category.Name = name!.Trim();
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, int direction, CancellationToken ct) =>
        await ordering.MoveCategoryAsync(id, direction, ct) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
            return NotFound();
        await db.Products.Where(p => p.CategoryId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CategoryId, (Guid?)null), ct);
        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task<bool> ValidNameAsync(string? name, Guid? id, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
            ModelState.AddModelError("", T("Название категории: от 1 до 200 символов.", "A category name has 1 to 200 characters."));
        else if (await db.Categories.AnyAsync(c => c.Name.ToLower() == trimmed.ToLower() && c.Id != id, ct))
            ModelState.AddModelError("", T("Такая категория уже есть.", "This category already exists."));
        return ModelState.IsValid;
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
}
