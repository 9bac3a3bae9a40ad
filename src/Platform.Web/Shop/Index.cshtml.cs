using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Tenancy;
using Platform.Web.Account;
using Platform.Web.Images;
using Platform.Web.Shared;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>The shop's profile: names, brand colour, mini-app language and logo. Owners edit; staff read.</summary>
[UploadLimit(UploadKind.Image)]
public sealed partial class IndexModel(PlatformDbContext db, ITenantContext tenant, TenantChangeNotifier notifier, TimeProvider time) : PageModel
{
    public sealed class ProfileInput
    {
        public string Name { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string BrandColor { get; set; } = "#1F6FEB";
        public string DefaultLocale { get; set; } = "ru";
        public bool RemoveLogo { get; set; }
    }

    [BindProperty] public ProfileInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }

    public Guid? LogoImageId { get; private set; }
    public string Slug { get; private set; } = "";
    public bool CanEdit => User.IsOwner();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        Input = new ProfileInput { Name = shop.Name, DisplayName = shop.DisplayName, BrandColor = shop.BrandColor, DefaultLocale = shop.DefaultLocale };
        LogoImageId = shop.LogoImageId;
        Slug = shop.Slug;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        var shop = await db.Tenants.SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        LogoImageId = shop.LogoImageId;
        Slug = shop.Slug;
        Input.Name = Input.Name.Trim();
        Input.DisplayName = Input.DisplayName.Trim();
        if (Input.Name.Length is 0 or > 200)
            ModelState.AddModelError("Input.Name", T("От 1 до 200 символов.", "1 to 200 characters."));
        if (Input.DisplayName.Length is 0 or > 200)
            ModelState.AddModelError("Input.DisplayName", T("От 1 до 200 символов.", "1 to 200 characters."));
        if (!HexColor().IsMatch(Input.BrandColor ?? ""))
            ModelState.AddModelError("Input.BrandColor", T("Цвет в виде #rrggbb.", "A colour like #rrggbb."));
        if (Input.DefaultLocale is not ("ru" or "en"))
            ModelState.AddModelError("Input.DefaultLocale", T("Русский или английский.", "Russian or English."));

        var now = time.GetUtcNow();
        Data.Catalog.StoredImage? newLogo = null;
        if (Logo is not null)
        {
            var upload = await ImageUpload.ReadAsync(Logo, now, ct);
            if (upload.Problem is not null)
                ModelState.AddModelError(nameof(Logo), upload.Problem);
            newLogo = upload.Image;
        }
        if (!ModelState.IsValid)
            return Page();

        shop.Name = Input.Name;
        shop.DisplayName = Input.DisplayName;
        shop.BrandColor = Input.BrandColor!.ToUpperInvariant();
        shop.DefaultLocale = Input.DefaultLocale;
        var oldLogo = shop.LogoImageId;
        if (newLogo is not null)
        {
            db.Images.Add(newLogo);
            shop.LogoImageId = newLogo.Id;
        }
        else if (Input.RemoveLogo)
        {
            shop.LogoImageId = null;
        }
        await db.SaveChangesAsync(ct);
        if (oldLogo is { } old && old != shop.LogoImageId)
            await db.Images.Where(i => i.Id == old).ExecuteDeleteAsync(ct);
        await notifier.NotifyAsync(shop.Id, ct);
        TempData["Notice"] = T("Сохранено.", "Saved.");
        return RedirectToPage();
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
