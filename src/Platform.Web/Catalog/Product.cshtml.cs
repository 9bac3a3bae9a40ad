using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Catalog;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Web.Images;
using Platform.Web.Localization;
using Platform.Web.Shared;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Catalog;

/// <summary>Creates or edits one product. Lengths follow the entity configuration; the sku is unique within the shop.</summary>
[UploadLimit(UploadKind.Image)]
public sealed class ProductModel(PlatformDbContext db, TimeProvider time) : PageModel
{
    public sealed class ProductInput
    {
        public string Sku { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public Guid? CategoryId { get; set; }
        public string Price { get; set; } = "";
        public string VatCode { get; set; } = nameof(Domain.Money.VatCode.RUS_VAT22);
        public string UnitCode { get; set; } = OkeiUnits.Piece.Code;
        public ItemType ItemType { get; set; } = ItemType.Commodity;
        public PaymentType PaymentType { get; set; } = PaymentType.FullPrepayment;
        public bool IsActive { get; set; } = true;
        public bool RemoveImage { get; set; }
    }

    [BindProperty] public ProductInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Image { get; set; }

    public bool IsNew { get; private set; } = true;
    public Guid? ImageId { get; private set; }
    public string? PricePreview { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadCategoriesAsync(ct);
        if (id is null)
            return Page();
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
            return NotFound();
        IsNew = false;
        ImageId = product.ImageId;
        PricePreview = MoneyText.PriceWithVat(product.Price, product.VatCode);
        Input = new ProductInput
        {
            Sku = product.Sku, Name = product.Name, Description = product.Description, CategoryId = product.CategoryId,
            Price = MoneyText.Plain(product.Price), VatCode = product.VatCode.Describe().ApiName, UnitCode = product.MeasureCode,
            ItemType = product.ItemType, PaymentType = product.PaymentType, IsActive = product.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await LoadCategoriesAsync(ct);
        Product? product = null;
        if (id is not null)
        {
            product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (product is null)
                return NotFound();
            IsNew = false;
            ImageId = product.ImageId;
        }

        var sku = Input.Sku.Trim();
        var name = Input.Name.Trim();
        var description = (Input.Description ?? "").Trim();
        if (sku.Length is 0 or > 100)
            ModelState.AddModelError("Input.Sku", T("Артикул: от 1 до 100 символов.", "SKU: 1 to 100 characters."));
        if (name.Length is 0 or > 500)
            ModelState.AddModelError("Input.Name", T("Название: от 1 до 500 символов.", "Name: 1 to 500 characters."));
        if (description.Length > 2000)
            ModelState.AddModelError("Input.Description", T("Описание: не длиннее 2000 символов.", "Description: at most 2000 characters."));
        var price = MoneyText.ParseRoubles(Input.Price);
        if (price is null || price.Value <= Kopecks.Zero)
            ModelState.AddModelError("Input.Price", T("Цена — число больше нуля, не больше двух знаков после запятой.", "The price is a number above zero with at most two decimals."));
        if (!VatCodes.TryParseApiName(Input.VatCode, out var vatCode))
            ModelState.AddModelError("Input.VatCode", T("Выберите ставку НДС из списка.", "Pick a VAT rate from the list."));
        else if (price is { } valid && !OrderLimits.UnitFits(valid, vatCode))
            ModelState.AddModelError("Input.Price", ProductCsv.PriceAboveLargestOrder());
        if (!OkeiUnits.TryFind(Input.UnitCode, out var unit))
            ModelState.AddModelError("Input.UnitCode", T("Выберите единицу из списка.", "Pick a unit from the list."));
        if (!Enum.IsDefined(Input.ItemType) || !Enum.IsDefined(Input.PaymentType))
            ModelState.AddModelError("", T("Неверный тип или способ расчёта.", "Wrong type or payment type."));
        if (Input.CategoryId is { } categoryId && Categories.All(c => c.Id != categoryId))
            ModelState.AddModelError("Input.CategoryId", T("Нет такой категории.", "There is no such category."));
        if (sku.Length > 0 && await db.Products.AnyAsync(p => p.Sku == sku && p.Id != id, ct))
            ModelState.AddModelError("Input.Sku", T("Товар с таким артикулом уже есть.", "A product with this SKU already exists."));

        var now = time.GetUtcNow();
        StoredImage? newImage = null;
        if (Image is not null)
        {
            var upload = await ImageUpload.ReadAsync(Image, now, ct);
            if (upload.Problem is not null)
                ModelState.AddModelError(nameof(Image), upload.Problem);
            newImage = upload.Image;
        }
        if (!ModelState.IsValid)
            return Page();

        if (product is null)
        {
            var nextSort = (await db.Products.MaxAsync(p => (int?)p.SortOrder, ct) ?? -1) + 1;
            product = new Product { Sku = sku, Name = name, CreatedAt = now, SortOrder = nextSort };
            db.Products.Add(product);
        }
        var oldImage = product.ImageId;
        product.Sku = sku;
        product.Name = name;
        product.Description = description;
        product.CategoryId = Input.CategoryId;
        product.Price = price!.Value;
        product.VatCode = vatCode;
        product.MeasureCode = unit.Code;
        product.MeasureName = unit.Name;
        product.ItemType = Input.ItemType;
        product.PaymentType = Input.PaymentType;
        product.IsActive = Input.IsActive;
        product.UpdatedAt = now;
        if (newImage is not null)
        {
            db.Images.Add(newImage);
            product.ImageId = newImage.Id;
        }
        else if (Input.RemoveImage)
        {
            product.ImageId = null;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ModelState.AddModelError("Input.Sku", T("Товар с таким артикулом уже есть.", "A product with this SKU already exists."));
            return Page();
        }
        if (oldImage is { } old && old != product.ImageId)
            await db.Images.Where(i => i.Id == old).ExecuteDeleteAsync(ct);
        TempData["Notice"] = T("Товар сохранён.", "The product has been saved.");
        return RedirectToPage("/Catalog/Product", new { id = product.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
            return NotFound();
        if (await db.OrderLines.AnyAsync(l => l.ProductId == id, ct))
        {
            TempData["Problem"] = T("Этот товар уже заказывали, поэтому его нельзя удалить — скройте его от покупателей.",
                "This product has been ordered, so it cannot be deleted; deactivate it instead.");
            return RedirectToPage("/Catalog/Product", new { id });
        }
        db.Products.Remove(product);
        await db.SaveChangesAsync(ct);
        if (product.ImageId is { } image)
            await db.Images.Where(i => i.Id == image).ExecuteDeleteAsync(ct);
        TempData["Notice"] = T("Товар удалён.", "The product has been deleted.");
        return RedirectToPage("/Catalog/Index");
    }

    private async Task LoadCategoriesAsync(CancellationToken ct) =>
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
}
