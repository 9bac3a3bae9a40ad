using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Tenancy;
using Platform.Web.Account;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>The shop's extra framing origins (advanced, owners only).</summary>
[Authorize(Policy = PortalPolicies.Owner)]
public sealed class FramingModel(PlatformDbContext db, ITenantContext tenant, TenantChangeNotifier notifier) : PageModel
{
    [BindProperty] public string Origins { get; set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        Origins = string.Join('\n', shop.FramingOrigins);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var lines = (Origins ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var accepted = new List<string>();
        foreach (var line in lines)
        {
            if (FramingOrigins.Normalize(line) is { } origin)
            {
                if (!accepted.Contains(origin))
                    accepted.Add(origin);
            }
            else
            {
                ModelState.AddModelError(nameof(Origins), T($"«{line}» — не адрес вида https://shop.example.ru.", $"“{line}” is not an origin like https://shop.example.ru."));
            }
        }
        if (accepted.Count > FramingOrigins.MaxCount)
            ModelState.AddModelError(nameof(Origins), T($"Не больше {FramingOrigins.MaxCount} адресов.", $"At most {FramingOrigins.MaxCount} origins."));
        if (!ModelState.IsValid)
            return Page();
        var shop = await db.Tenants.SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        shop.FramingOrigins = accepted;
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(shop.Id, ct);
        TempData["Notice"] = T("Сохранено.", "Saved.");
        return RedirectToPage();
    }
}
