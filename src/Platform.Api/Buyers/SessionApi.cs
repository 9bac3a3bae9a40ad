using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Problems;
using Platform.Data;
using Platform.Data.Buyers;
using Platform.Data.Orders;
using Platform.Data.Shops;
using Platform.Domain.Catalog;
using Platform.Domain.Money;
using Platform.Domain.Orders;

namespace Platform.Api.Buyers;

public sealed record SessionRequest(string? MinappType, string? OrderContainerId, string? Locale);

public sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt, string Locale, ShopView Shop, CatalogView Catalog);

public sealed record ShopView(int PosId, string Name, string DisplayName, string BrandColor, string? LogoUrl, string Currency, IReadOnlyList<LinkView> Links);

public sealed record LinkView(string Title, string Url);

public sealed record CatalogView(IReadOnlyList<CategoryView> Categories, IReadOnlyList<ProductView> Products);

public sealed record CategoryView(string Id, string Name);

public sealed record ProductView(
    string Id, string? CategoryId, string Sku, string Name, string Description,
    decimal Price, long PriceKopecks, string VatCode, int VatRate, string VatLabel, UnitView Unit, string? ImageUrl);

public sealed record UnitView(string Name, string Code, bool Fractional, decimal Step, decimal Min, decimal Max);

public sealed class BuyerOptions
{
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(2);
    /// <summary>Largest quantity of one line; anything above is treated as a typo.</summary>
    public decimal MaxQuantity { get; set; } = 10_000m;
}

/// <summary><c>POST /m/{posId}/api/session</c>: one call per iframe load — a signed token plus the shop and its live catalog.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapBuyerSession(this RouteGroupBuilder group)
    {
        group.MapPost("/session", CreateSessionAsync)
            .WithName("CreateBuyerSession")
            .WithSummary("Open a buyer session for one mini-app load and get the shop's catalog.")
            .RequireRateLimiting(ApiRateLimits.Sessions)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(4 * 1024));
        return group;
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> CreateSessionAsync(
        SessionRequest? request, HttpContext http, PlatformDbContext db, BuyerTokens tokens, TimeProvider time, IOptions<BuyerOptions> options,
        CancellationToken ct)
    {
        var pos = http.PointOfSale();
        var requestLocale = BuyerText.LocaleOf(http.Request);
        var errors = new Dictionary<string, string[]>();
        var mode = request?.MinappType switch
        {
            "order" => MinappType.Order,
            "suborder" => MinappType.Suborder,
            _ => (MinappType?)null,
        };
        if (mode is null)
            errors["minappType"] = [BuyerText.Of("minapp_type_invalid", requestLocale)];
        string? container = null;
        if (mode == MinappType.Suborder)
        {
            if (string.IsNullOrWhiteSpace(request!.OrderContainerId))
                errors["orderContainerId"] = [BuyerText.Of("container_required", requestLocale)];
            else if (!Guid.TryParse(request.OrderContainerId, out var containerId))
                errors["orderContainerId"] = [BuyerText.Of("container_invalid", requestLocale)];
            else
                container = containerId.ToString();
        }
        if (request?.Locale is { } askedLocale && askedLocale is not ("ru" or "en"))
            errors["locale"] = [BuyerText.Of("locale_invalid", requestLocale)];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors, BuyerText.Of("validation_failed", requestLocale));

        var locale = request?.Locale ?? pos.Tenant.DefaultLocale;
        if (pos.Tenant.Status != TenantStatus.Live)
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "shop_unavailable", BuyerText.Of("shop_unavailable", locale));

        var now = time.GetUtcNow();
        var session = new BuyerSession
        {
            PointOfSaleId = pos.Id, Mode = mode!.Value, OrderContainerId = container, Locale = locale,
            CreatedAt = now, ExpiresAt = now + options.Value.SessionLifetime,
        };
        db.BuyerSessions.Add(session);
        await db.SaveChangesAsync(ct);

        var token = tokens.IssueSession(new BuyerSessionClaims(session.Id, pos.Tenant.Id, pos.ShopId, session.Mode, container, locale), session.ExpiresAt);
        var catalog = await LoadCatalogAsync(db, pos.ShopId, locale, options.Value.MaxQuantity, ct);
        var tenant = pos.Tenant;
        var shop = new ShopView(pos.ShopId, tenant.Name, tenant.DisplayName, tenant.BrandColor,
            tenant.LogoImageId is { } logo ? ImageUrl(pos.ShopId, logo) : null, "RUB", []);
        return TypedResults.Ok(new SessionResponse(token, session.ExpiresAt, locale, shop, catalog));
    }

    private static async Task<CatalogView> LoadCatalogAsync(PlatformDbContext db, int shopId, string locale, decimal maxQuantity, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Category == null ? int.MaxValue : p.Category.SortOrder).ThenBy(p => p.SortOrder).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.CategoryId, p.Sku, p.Name, p.Description, p.Price, p.VatCode, p.MeasureName, p.MeasureCode, p.ImageId })
            .ToListAsync(ct);
        var usedCategories = products.Select(p => p.CategoryId).OfType<Guid>().ToHashSet();
        var categories = await db.Categories.AsNoTracking().Where(c => usedCategories.Contains(c.Id))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => new CategoryView(c.Id.ToString(), c.Name)).ToListAsync(ct);

        return new CatalogView(categories, products.Select(p =>
        {
            var vat = p.VatCode.Describe();
            var gross = Domain.Baskets.BasketCalculator.UnitGross(p.Price, p.VatCode);
            var unit = QuantityRules.UnitOf(p.MeasureCode);
            return new ProductView(p.Id.ToString(), p.CategoryId?.ToString(), p.Sku, p.Name, p.Description,
                gross.ToRoubles(), gross.Value, vat.ApiName, vat.RatePercent, locale == "en" ? vat.EnglishLabel : vat.RussianLabel,
                new UnitView(OkeiUnits.NameFor(p.MeasureCode, p.MeasureName, english: locale == "en"), p.MeasureCode, unit.AllowsFractions, unit.QuantityStep, unit.QuantityStep, maxQuantity),
                p.ImageId is { } image ? ImageUrl(shopId, image) : null);
        }).ToList());
    }

    public static string ImageUrl(int shopId, Guid imageId) => string.Create(CultureInfo.InvariantCulture, $"/m/{shopId}/api/images/{imageId}");
}
