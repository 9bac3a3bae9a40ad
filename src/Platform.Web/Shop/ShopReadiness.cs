using Microsoft.EntityFrameworkCore;
using Platform.Data;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Shop;

/// <summary>One line of the go-live checklist: <see cref="Text"/> as a goal, <see cref="Problem"/> as what is wrong while it is not done.</summary>
public sealed record ReadinessItem(string Key, string Text, bool Done, string FixUrl, string Problem);

/// <summary>
/// What a shop needs before buyers may see it: Invoicebox credentials that passed the connection check, at least one
/// active product, at least one point of sale.
/// </summary>
public sealed class ShopReadiness(PlatformDbContext db)
{
    public async Task<IReadOnlyList<ReadinessItem>> CheckAsync(CancellationToken ct)
    {
        var settings = await db.InvoiceboxSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var credentialsOk = settings is { IsComplete: true, CheckSucceeded: true };
        var activeProducts = await db.Products.CountAsync(p => p.IsActive, ct);
        var pointsOfSale = await db.PointsOfSale.CountAsync(ct);
        return
        [
            new("credentials", T("Данные Инвойсбокса сохранены, проверка подключения прошла успешно",
                "Invoicebox credentials saved and the connection check succeeded"), credentialsOk, "/Shop/Invoicebox",
                T("Подключение к Инвойсбоксу не проверено или проверка не прошла", "The Invoicebox connection is not checked or the check failed")),
            new("products", T($"Есть хотя бы один активный товар (сейчас: {activeProducts})",
                $"At least one active product (now: {activeProducts})"), activeProducts > 0, "/Catalog",
                T("Нет ни одного активного товара", "There is no active product")),
            new("points-of-sale", T($"Добавлена хотя бы одна точка продаж (сейчас: {pointsOfSale})",
                $"At least one point of sale (now: {pointsOfSale})"), pointsOfSale > 0, "/Shop/PointsOfSale",
                T("Нет ни одной точки продаж", "There is no point of sale")),
        ];
    }
}
