using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Buyers;
using Platform.Data.Secrets;
using Platform.Data.Shops;
using Platform.Data.Tenancy;
using Platform.Web.Account;
using Platform.Web.Localization;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>
/// The shop's Invoicebox credentials. The token and the notification key are write-only: stored encrypted, shown back
/// only as a hint of their last characters, kept when the field is left blank. Only the owner changes them and sees the
/// notification URL (it carries the secret webhook key); staff get a read-only view and may run the connection check.
/// </summary>
public sealed class InvoiceboxModel(PlatformDbContext db, ITenantContext tenant, CredentialProtector protector,
    InvoiceboxConnection connection, InvoiceboxAddresses addresses, TenantChangeNotifier notifier, PublicUrls urls, PortalClock clock,
    IOptions<PortalOptions> portal, TimeProvider time) : PageModel
{
    public sealed class CredentialsInput
    {
        public string MerchantId { get; set; } = "";
        public string ApiPrefix { get; set; } = "/v3";
        public string ApiBaseUrl { get; set; } = "";
        public string? Token { get; set; }
        public string? NotificationKey { get; set; }
    }

    [BindProperty] public CredentialsInput Input { get; set; } = new();

    public string TokenHint { get; private set; } = "";
    public string NotificationKeyHint { get; private set; } = "";
    public bool HasCredentials { get; private set; }
    public bool CheckSucceeded { get; private set; }
    public string? CheckedAt { get; private set; }
    public string CheckText { get; private set; } = "";
    /// <summary>Owners only: the address carries the shop's secret webhook key.</summary>
    public string? NotificationUrl { get; private set; }
    public IReadOnlyList<(int ShopId, string Url)> MiniAppUrls { get; private set; } = [];
    public bool AdvancedOpen { get; private set; }
    public bool CanEdit => User.IsOwner();
    public IReadOnlyList<string> AllowedBaseUrls => addresses.Allowed;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await db.InvoiceboxSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        Input = settings is null
            ? new CredentialsInput { ApiBaseUrl = portal.Value.DefaultInvoiceboxBaseUrl }
            : new CredentialsInput { MerchantId = settings.MerchantId, ApiPrefix = settings.ApiPrefix, ApiBaseUrl = settings.ApiBaseUrl };
        await LoadAsync(settings, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit)
            return Forbid();
        var settings = await db.InvoiceboxSettings.SingleOrDefaultAsync(ct);
        Validate(settings);
        if (!ModelState.IsValid)
        {
            AdvancedOpen = ModelState.ContainsKey("Input.ApiBaseUrl") && ModelState["Input.ApiBaseUrl"]!.Errors.Count > 0;
            await LoadAsync(settings, ct);
            return Page();
        }

        var now = time.GetUtcNow();
        if (settings is null)
        {
            settings = new InvoiceboxSettings();
            db.InvoiceboxSettings.Add(settings);
        }
        var merchantId = Input.MerchantId.Trim().ToLowerInvariant();
        var baseUrl = InvoiceboxAddresses.Normalize(Input.ApiBaseUrl)!;
        var changed = settings.MerchantId != merchantId || settings.ApiPrefix != Input.ApiPrefix || settings.ApiBaseUrl != baseUrl
            || !string.IsNullOrWhiteSpace(Input.Token) || !string.IsNullOrWhiteSpace(Input.NotificationKey);
        settings.MerchantId = merchantId;
        settings.ApiPrefix = Input.ApiPrefix;
        settings.ApiBaseUrl = baseUrl;
        if (!string.IsNullOrWhiteSpace(Input.Token))
        {
            var token = Input.Token.Trim();
            settings.ProtectedToken = protector.Protect(token);
            settings.TokenHint = CredentialProtector.Hint(token);
        }
        if (!string.IsNullOrWhiteSpace(Input.NotificationKey))
        {
            var key = Input.NotificationKey.Trim();
            settings.ProtectedNotificationKey = protector.Protect(key);
            settings.NotificationKeyHint = CredentialProtector.Hint(key);
        }
        if (changed)
        {
            // A check of the old values says nothing about the new ones.
            settings.CheckSucceeded = false;
            settings.CheckedAt = null;
            settings.CheckMessage = null;
        }
        settings.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(tenant.RequireTenantId(), ct);
        if (!changed)
        {
            TempData["Notice"] = T("Сохранено.", "Saved.");
            return RedirectToPage();
        }
        // New values are checked at once: a live shop with credentials Invoicebox refuses would reject every order.
        var outcome = await connection.CheckAndRecordAsync(ct);
        if (outcome == InvoiceboxConnection.Outcomes.Ok)
            TempData["Notice"] = T("Сохранено и проверено. ", "Saved and checked. ") + InvoiceboxConnection.Describe(outcome);
        else
        {
            // Only a refusal of the values themselves says anything about buyers' orders; no answer may be a passing outage.
            var refused = outcome is not (InvoiceboxConnection.Outcomes.Unreachable or InvoiceboxConnection.Outcomes.RateLimited);
            var live = refused && await db.Tenants.AnyAsync(t => t.Id == tenant.RequireTenantId() && t.Status == TenantStatus.Live, ct);
            TempData["Problem"] = T("Сохранено, но проверка не прошла. ", "Saved, but the check failed. ") + InvoiceboxConnection.Describe(outcome)
                + (live ? T(" Магазин работает: пока подключение не исправлено, Инвойсбокс не примет заказы покупателей.",
                    " The shop is live: until the connection is fixed, Invoicebox will not accept buyers' orders.") : "");
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var outcome = await connection.CheckAndRecordAsync(ct);
        if (outcome == InvoiceboxConnection.Outcomes.Ok)
            TempData["Notice"] = InvoiceboxConnection.Describe(outcome);
        else
            TempData["Problem"] = InvoiceboxConnection.Describe(outcome);
        return RedirectToPage();
    }

    private void Validate(InvoiceboxSettings? existing)
    {
        if (!Guid.TryParseExact(Input.MerchantId.Trim(), "D", out _))
            ModelState.AddModelError("Input.MerchantId", T("ID магазина — 36 символов вида 0193a1c0-0000-7000-8000-000000001001.",
                "The shop ID has 36 characters like 0193a1c0-0000-7000-8000-000000001001."));
        if (Input.ApiPrefix is not ("/v3" or "/l3"))
            ModelState.AddModelError("Input.ApiPrefix", T("Префикс /v3 или /l3.", "The prefix is /v3 or /l3."));
        if (InvoiceboxAddresses.Normalize(Input.ApiBaseUrl) is null)
            ModelState.AddModelError("Input.ApiBaseUrl", T("Адрес вида https://api.invoicebox.ru, без пути и параметров.",
                "An address like https://api.invoicebox.ru, without a path or parameters."));
        else if (!addresses.IsAllowed(Input.ApiBaseUrl))
            ModelState.AddModelError("Input.ApiBaseUrl", T($"Этот адрес API не разрешён на платформе. Разрешены: {string.Join(", ", addresses.Allowed)}.",
                $"This API address is not allowed on the platform. Allowed: {string.Join(", ", addresses.Allowed)}."));
        CheckSecret(Input.Token, existing?.ProtectedToken, "Input.Token", T("токен", "the token"));
        CheckSecret(Input.NotificationKey, existing?.ProtectedNotificationKey, "Input.NotificationKey", T("ключ уведомлений", "the notification key"));
    }

    private void CheckSecret(string? value, string? stored, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (string.IsNullOrEmpty(stored))
                ModelState.AddModelError(key, T($"Введите {what}.", $"Enter {what}."));
            return;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > 200 || trimmed.Any(char.IsWhiteSpace))
            ModelState.AddModelError(key, T("Без пробелов, не длиннее 200 символов.", "No spaces, at most 200 characters."));
    }

    private async Task LoadAsync(InvoiceboxSettings? settings, CancellationToken ct)
    {
        var shop = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.RequireTenantId(), ct);
        TokenHint = settings?.TokenHint ?? "";
        NotificationKeyHint = settings?.NotificationKeyHint ?? "";
        HasCredentials = settings?.IsComplete == true;
        CheckSucceeded = settings?.CheckSucceeded == true;
        CheckedAt = settings?.CheckedAt is { } at ? clock.Format(at) : null;
        CheckText = InvoiceboxConnection.Describe(settings?.CheckMessage);
        NotificationUrl = CanEdit ? urls.Notification(shop.WebhookKey) : null;
        MiniAppUrls = (await db.PointsOfSale.AsNoTracking().OrderBy(p => p.CreatedAt).Select(p => p.ShopId).ToListAsync(ct))
            .Select(id => (id, urls.MiniApp(id))).ToList();
    }
}
