using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Api.Buyers;
using Platform.Data;
using Platform.Data.Buyers;
using Platform.Data.Orders;
using Platform.Domain.Baskets;
using Platform.Domain.Buyers;
using Platform.Domain.Money;
using Platform.Domain.Orders;

namespace Platform.Api.Orders;

public sealed record PlaceOrderRequest(List<PlaceOrderItem>? Items, BuyerInput? Buyer);

public sealed record PlaceOrderItem(string? ProductId, decimal? Quantity);

public sealed record BuyerInput(string? Name, string? Email, string? Phone);

public sealed class OrderOptions
{
    /// <summary>How long the buyer has to pay; sent to Invoicebox as expirationDate.</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromHours(1);
    public int MaxLines { get; set; } = 50;
    public Kopecks MaxAmount { get; set; } = OrderLimits.MaxAmount;
}

/// <summary>The outcome of placing an order: the order (new or the one this idempotency key already made), or field errors.</summary>
public abstract record PlacementResult
{
    public sealed record Placed(Order Order, bool Created) : PlacementResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : PlacementResult;
    public sealed record KeyReused : PlacementResult;
}

/// <summary>
/// Turns a buyer's cart into an accepted order: validates input, prices every line from the catalog (never from the
/// client), computes the basket in kopecks, and stores the order and its first timeline event in one transaction.
/// The idempotency key is enforced by a unique index, so concurrent duplicates resolve to the first order.
/// </summary>
public sealed class OrderPlacement(
    PlatformDbContext db, IServiceScopeFactory scopes, TimeProvider time, IOptions<OrderOptions> orderOptions, IOptions<BuyerOptions> buyerOptions)
{
    public async Task<PlacementResult> PlaceAsync(BuyerSessionClaims session, Guid pointOfSaleId, string idempotencyKey, PlaceOrderRequest request, CancellationToken ct)
    {
        var locale = session.Locale;
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string code) => errors[field] = [BuyerText.Of(code, locale)];

        var name = request.Buyer?.Name?.Trim();
        if (string.IsNullOrEmpty(name)) Fail("buyer.name", "required");
        else if (name.Length > 200) Fail("buyer.name", "too_long");
        else if (name.Any(char.IsControl)) Fail("buyer.name", "invalid_characters");

        BuyerEmail? email = null;
        if (!string.IsNullOrWhiteSpace(request.Buyer?.Email))
        {
            var result = BuyerEmail.Normalize(request.Buyer.Email);
            if (result.IsValid) email = result.Value; else Fail("buyer.email", result.Problem!.Code);
        }
        BuyerPhone? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Buyer?.Phone))
        {
            var result = BuyerPhone.Normalize(request.Buyer.Phone);
            if (result.IsValid) phone = result.Value; else Fail("buyer.phone", result.Problem!.Code);
        }
        if (string.IsNullOrWhiteSpace(request.Buyer?.Email) && string.IsNullOrWhiteSpace(request.Buyer?.Phone))
            Fail("buyer.email", "contact_required");

        var items = request.Items ?? [];
        if (items.Count == 0) Fail("items", "items_required");
        else if (items.Count > orderOptions.Value.MaxLines) Fail("items", "too_many_items");

        var wanted = new List<(int Index, Guid ProductId, decimal Quantity)>();
        for (var i = 0; i < items.Count && items.Count <= orderOptions.Value.MaxLines; i++)
        {
            if (!Guid.TryParse(items[i].ProductId, out var productId)) Fail($"items[{i}].productId", "product_unavailable");
            else if (wanted.Any(w => w.ProductId == productId)) Fail($"items[{i}].productId", "duplicate_product");
            else if (items[i].Quantity is not { } quantity) Fail($"items[{i}].quantity", "required");
            else wanted.Add((i, productId, quantity));
        }

        var ids = wanted.Select(w => w.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, ct);
        var lines = new List<BasketLineInput>();
        foreach (var (index, productId, quantity) in wanted)
        {
            if (!products.TryGetValue(productId, out var product)) { Fail($"items[{index}].productId", "product_unavailable"); continue; }
            if (QuantityRules.Check(quantity, product.MeasureCode, buyerOptions.Value.MaxQuantity) is { } problem)
            {
                errors[$"items[{index}].quantity"] = [BuyerText.Of(problem, locale, QuantityRules.UnitOf(product.MeasureCode).QuantityStep)];
                continue;
            }
            lines.Add(new BasketLineInput(product.Name, product.Sku, product.Price, product.VatCode, quantity,
                product.MeasureName, product.MeasureCode, product.ItemType, product.PaymentType));
        }
        if (errors.Count > 0)
            return new PlacementResult.Invalid(errors);

        var basket = BasketCalculator.Calculate(lines);
        if (basket.Amount > orderOptions.Value.MaxAmount)
            return new PlacementResult.Invalid(new() { ["items"] = [BuyerText.Of("amount_too_large", locale, orderOptions.Value.MaxAmount.ToRoubles())] });

        var fingerprint = Fingerprint(wanted.Select(w => (w.ProductId, w.Quantity)), name!, email?.Address, phone?.Digits);
        var now = time.GetUtcNow();
        var order = new Order
        {
            IdempotencyKey = idempotencyKey, IdempotencyFingerprint = fingerprint, BuyerSessionId = session.SessionId,
            PointOfSaleId = pointOfSaleId, ShopId = session.ShopId, Mode = session.Mode, RequestedContainerId = session.OrderContainerId,
            Amount = basket.Amount, VatAmount = basket.VatAmount, BuyerName = name!, BuyerEmail = email?.Address, BuyerPhone = phone?.Digits,
            Locale = locale, CreatedAt = now, UpdatedAt = now, ExpiresAt = now + orderOptions.Value.PaymentWindow,
            Lines = basket.Lines.Select((l, i) => new OrderLine
            {
                Position = i, ProductId = wanted[i].ProductId, Sku = l.Sku, Name = l.Name, MeasureName = l.MeasureName, MeasureCode = l.MeasureCode,
                Quantity = l.Quantity, CatalogPrice = l.UnitPrice, UnitPrice = l.UnitGross, Total = l.Total, Vat = l.Vat, VatCode = l.VatCode, ItemType = l.ItemType, PaymentType = l.PaymentType,
            }).ToList(),
            Events = [new OrderEvent { At = now, ToStatus = OrderStatus.Accepted, Source = OrderEventSource.Buyer, Message = "Заказ оформлен в мини-приложении." }],
        };

        var existing = await FindByKeyAsync(db, idempotencyKey, ct);
        if (existing is not null)
            return await ReplayAsync(existing, fingerprint, session, ct);

        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
            return new PlacementResult.Placed(order, true);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same key won the insert; answer with its order. This context is now dirty,
            // so read through a fresh scope acting for the same tenant.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Data.Tenancy.TenantContext>().Use(session.TenantId);
            var winner = await FindByKeyAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), idempotencyKey, ct)
                ?? throw new InvalidOperationException("Unique violation on the idempotency key but no order has it.", ex);
            return winner.IdempotencyFingerprint == fingerprint ? new PlacementResult.Placed(winner, false) : new PlacementResult.KeyReused();
        }
    }

    /// <summary>
    /// The same key again: the same order if the request is the same. A retry may come from a fresh session (the first one
    /// expired); whoever holds the key and the identical cart may follow the order, so it moves to that session.
    /// </summary>
    private async Task<PlacementResult> ReplayAsync(Order existing, string fingerprint, BuyerSessionClaims session, CancellationToken ct)
    {
        if (existing.IdempotencyFingerprint != fingerprint)
            return new PlacementResult.KeyReused();
        if (existing.BuyerSessionId != session.SessionId)
            await db.Orders.Where(o => o.Id == existing.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.BuyerSessionId, session.SessionId), ct);
        return new PlacementResult.Placed(existing, false);
    }

    private static Task<Order?> FindByKeyAsync(PlatformDbContext db, string key, CancellationToken ct) =>
        db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.IdempotencyKey == key, ct);

    private static string Fingerprint(IEnumerable<(Guid ProductId, decimal Quantity)> items, string name, string? email, string? phone)
    {
        var canonical = JsonSerializer.Serialize(new { items = items.Select(i => new { i.ProductId, Quantity = i.Quantity.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) }), name, email, phone });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
