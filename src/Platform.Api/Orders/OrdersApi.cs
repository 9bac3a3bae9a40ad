using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Buyers;
using Platform.Api.Problems;
using Platform.Data;
using Platform.Data.Buyers;
using Platform.Data.Orders;
using Platform.Data.Shops;
using Platform.Domain.Money;
using Platform.Domain.Orders;

namespace Platform.Api.Orders;

public sealed record OrderAccepted(string OrderId, long Number, string Status);

public sealed record OrderLineView(string ProductId, string Name, decimal Quantity, decimal UnitPrice, decimal Total, decimal Vat, string UnitName);

public sealed record OrderView(
    string OrderId, long Number, string Status, string? PaymentUrl, decimal Amount, decimal VatAmount, string Currency,
    IReadOnlyList<OrderLineView> Lines, string? FailureReason);

/// <param name="Refunded">What the shop has returned of this order (refunds Invoicebox created), 0 when nothing.</param>
public sealed record OrderResultView(
    string OrderId, long Number, string Status, decimal Amount, string Currency, DateTimeOffset? PaidAt, string Locale, string? PaymentUrl, ResultShopView Shop,
    decimal Refunded);

public sealed record ResultShopView(string DisplayName, string BrandColor, string? LogoUrl);

/// <summary>The buyer's orders: place one (202, idempotent), read it back (long-poll), and the result screen's status.</summary>
public static class OrdersApi
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    public static RouteGroupBuilder MapBuyerOrders(this RouteGroupBuilder group)
    {
        var withSession = group.MapGroup("/orders").AddEndpointFilter<BuyerSessionFilter>();
        withSession.MapPost("", PlaceAsync)
            .Accepts<PlaceOrderRequest>("application/json")
            .WithName("PlaceOrder")
            .WithSummary("Place an order from the cart. Prices come from the catalog; the same Idempotency-Key returns the same order.")
            .RequireRateLimiting(ApiRateLimits.Orders)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024));
        withSession.MapGet("/{orderId:guid}", GetAsync)
            .WithName("GetOrder")
            .WithSummary("Read an order placed in this session; waitMs + known long-poll until the status differs from known.");
        group.MapGet("/orders/{orderId:guid}/result", GetResultAsync)
            .WithName("GetOrderResult")
            .WithSummary("Status for the result screen (successUrl/failUrl), authorised by the result token t.");
        return group;
    }

    private static async Task<Results<Accepted<OrderAccepted>, ProblemHttpResult>> PlaceAsync(
        HttpContext http, OrderPlacement placement, OrderOutbox outbox, CancellationToken ct)
    {
        var session = http.BuyerSession();
        var pos = http.PointOfSale();
        var locale = session.Locale;
        if (pos.Tenant.Status != TenantStatus.Live)
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "shop_unavailable", BuyerText.Of("shop_unavailable", locale));

        var key = http.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length == 0)
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "idempotency_key_required", BuyerText.Of("idempotency_key_required", locale));
        if (key.Length > 100 || key.Any(c => c < 0x21 || c > 0x7e))
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "idempotency_key_invalid", BuyerText.Of("idempotency_key_invalid", locale));

        PlaceOrderRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<PlaceOrderRequest>(ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException || ex is BadHttpRequestException { StatusCode: not StatusCodes.Status413PayloadTooLarge })
        {
            request = null;
        }
        if (request is null)
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid_json", BuyerText.Of("invalid_json", locale));

        switch (await placement.PlaceAsync(session, pos.Id, key, request, ct))
        {
            case PlacementResult.Invalid invalid:
                return ApiProblems.Validation(invalid.Errors, BuyerText.Of("validation_failed", locale));
            case PlacementResult.KeyReused:
                return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", BuyerText.Of("idempotency_key_reused", locale));
            case PlacementResult.Placed placed:
                if (placed.Created || placed.Order is { Status: OrderStatus.Accepted, PublishedAt: null })
                    await outbox.PublishAsync(pos.Tenant.Id, placed.Order.Id, ct);
                var order = placed.Order;
                return TypedResults.Accepted($"/m/{pos.ShopId}/api/orders/{order.Id}", new OrderAccepted(order.Id.ToString(), order.Number, order.Status.ToWireName()));
            default:
                throw new InvalidOperationException("Unknown placement result.");
        }
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(
        Guid orderId, int? waitMs, string? known, HttpContext http, PlatformDbContext db, CancellationToken ct)
    {
        var session = http.BuyerSession();
        var order = await WaitForChangeAsync(db.Orders.Include(o => o.Lines).Where(o => o.Id == orderId && o.BuyerSessionId == session.SessionId), waitMs, known, ct);
        if (order is null)
            return ApiProblems.NotFound("order_not_found", BuyerText.Of("order_not_found", session.Locale));
        return TypedResults.Ok(new OrderView(order.Id.ToString(), order.Number, order.Status.ToWireName(), order.PaymentUrl,
            order.Amount.ToRoubles(), order.VatAmount.ToRoubles(), order.Currency,
            order.Lines.OrderBy(l => l.Position).Select(l => new OrderLineView(l.ProductId.ToString(), l.Name, WithoutTrailingZeros(l.Quantity),
                l.UnitPrice.ToRoubles(), l.Total.ToRoubles(), l.Vat.ToRoubles(), l.MeasureName)).ToList(),
            order.FailureReason));
    }

    private static async Task<Results<Ok<OrderResultView>, ProblemHttpResult>> GetResultAsync(
        Guid orderId, string? t, int? waitMs, string? known, HttpContext http, PlatformDbContext db, BuyerTokens tokens, CancellationToken ct)
    {
        var pos = http.PointOfSale();
        var locale = BuyerText.LocaleOf(http.Request);
        var claims = tokens.ReadResult(t);
        if (claims is null || claims.OrderId != orderId || claims.TenantId != pos.Tenant.Id)
            return ApiProblems.NotFound("order_not_found", BuyerText.Of("order_not_found", locale));
        var order = await WaitForChangeAsync(db.Orders.Where(o => o.Id == orderId && o.ShopId == pos.ShopId), waitMs, known, ct);
        if (order is null)
            return ApiProblems.NotFound("order_not_found", BuyerText.Of("order_not_found", locale));
        var tenant = pos.Tenant;
        // The payment link only while paying is still possible (the buyer came back through failUrl and may try again).
        var paymentUrl = order.Status == OrderStatus.AwaitingPayment ? order.PaymentUrl : null;
        var refunded = (await db.Refunds.Where(r => r.OrderId == order.Id).ByOrderAsync(ct)).GetValueOrDefault(order.Id, Kopecks.Zero);
        return TypedResults.Ok(new OrderResultView(order.Id.ToString(), order.Number, order.Status.ToWireName(), order.Amount.ToRoubles(), order.Currency,
            order.PaidAt, order.Locale, paymentUrl, new ResultShopView(tenant.DisplayName, tenant.BrandColor, tenant.LogoImageId is { } logo ? SessionApi.ImageUrl(pos.ShopId, logo) : null),
            refunded.ToRoubles()));
    }

    /// <summary>numeric(12,3) reads back as 1.500; the buyer should see 1.5 (dividing by this 1 drops the trailing zeros).</summary>
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Reads the order; with <paramref name="waitMs"/>, re-reads until its status differs from <paramref name="known"/> or time runs out.</summary>
    private static async Task<Order?> WaitForChangeAsync(IQueryable<Order> query, int? waitMs, string? known, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Math.Clamp(waitMs ?? 0, 0, (int)MaxWait.TotalMilliseconds));
        while (true)
        {
            var order = await query.AsNoTracking().SingleOrDefaultAsync(ct);
            if (order is null || known is null || order.Status.ToWireName() != known || DateTime.UtcNow >= deadline)
                return order;
            await Task.Delay(PollEvery, ct);
        }
    }
}
