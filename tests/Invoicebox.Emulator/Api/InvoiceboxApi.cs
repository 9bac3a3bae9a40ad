using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Orders;
using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Api;

/// <summary>The merchant API v3 (reference §1–3), under both <c>/v3</c> and <c>/l3</c>.</summary>
public static class InvoiceboxApi
{
    public static void MapInvoiceboxApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/v3", "/l3" })
        {
            var api = app.MapGroup(prefix);
            api.MapGet("/security/api/auth/auth", AuthCheck);
            api.MapPost("/billing/api/order/order", CreateOrder);
            api.MapGet("/billing/api/order/order/{id}", GetOrder);
            api.MapPut("/billing/api/order/order/{id}", UpdateOrder);
            api.MapDelete("/billing/api/order/order/{id}", CancelOrder);
            api.MapGet("/billing/api/order/order/{id}/refund-basket-item", RefundableLines);
            api.MapPost("/billing/api/order/refund-order", CreateRefund);
            api.MapGet("/filter/api/order/order", ListOrders);
            api.MapGet("/filter/api/order/refund-order", ListRefunds);
            api.Map("/{**rest}", () => ApiResponse.Error(ApiException.NotFound()));
        }
    }

    private static ApiResponse AuthCheck(HttpContext context) => ApiResponse.Data(new JsonObject
    {
        ["userId"] = ApiGate.MerchantOrAnonymous(context)?.UserId,
        ["profile"] = null,
        ["accessToken"] = null,
    });

    private static async Task<ApiResponse> CreateOrder(HttpContext context, OrderStore store, TimeProvider clock, IOptions<EmulatorOptions> options)
    {
        var merchant = ApiGate.Merchant(context);
        var body = await ReadObject(context.Request);
        RequireOwnMerchantId(merchant, body);
        var content = OrderRequestReader.ReadCreate(body, clock.GetUtcNow());
        var order = store.Create(merchant, content, PublicOrigin(context, options.Value));
        return ApiResponse.Data(OrderJson.Order(order));
    }

    private static ApiResponse GetOrder(HttpContext context, string id, OrderStore store) =>
        ApiResponse.Data(OrderJson.Order(store.Get(ApiGate.Merchant(context), id)));

    private static async Task<ApiResponse> UpdateOrder(HttpContext context, string id, OrderStore store)
    {
        var merchant = ApiGate.Merchant(context);
        var body = await ReadObject(context.Request);
        RequireOwnMerchantId(merchant, body);
        return ApiResponse.Data(OrderJson.Order(store.Update(merchant, id, body)));
    }

    private static ApiResponse CancelOrder(HttpContext context, string id, OrderStore store) =>
        ApiResponse.Data(OrderJson.Order(store.Cancel(ApiGate.Merchant(context), id)));

    private static ApiResponse RefundableLines(HttpContext context, string id, OrderStore store) =>
        ApiResponse.Data(store.RefundableLines(ApiGate.Merchant(context), id));

    private static async Task<ApiResponse> CreateRefund(HttpContext context, OrderStore store)
    {
        var merchant = ApiGate.Merchant(context);
        var body = await ReadObject(context.Request);
        RequireOwnMerchantId(merchant, body);
        return ApiResponse.Data(OrderJson.Refund(store.CreateRefund(merchant, body)));
    }

    private static readonly Dictionary<string, ListField<OrderView>> OrderFields = new()
    {
        ["id"] = new(FieldKind.Text, o => o.Id),
        ["merchantId"] = new(FieldKind.Text, o => o.MerchantId),
        ["merchantOrderId"] = new(FieldKind.Text, o => o.Content.MerchantOrderId),
        ["orderContainerId"] = new(FieldKind.Text, o => o.ContainerId),
        ["status"] = new(FieldKind.Text, o => o.Status),
        ["currencyId"] = new(FieldKind.Text, o => o.Content.CurrencyId),
        ["description"] = new(FieldKind.Text, o => o.Content.Description),
        ["amount"] = new(FieldKind.Money, o => o.Content.Amount),
        ["createdAt"] = new(FieldKind.Date, o => o.CreatedAt),
        ["paidAt"] = new(FieldKind.Date, o => o.PaidAt),
        ["expirationDate"] = new(FieldKind.Date, o => o.Content.ExpirationDate),
    };

    private static ApiResponse ListOrders(HttpContext context, OrderStore store)
    {
        var merchant = ApiGate.Merchant(context);
        RequireOwnMerchantId(merchant, context.Request.Query);
        var query = new ListQuery<OrderView>(context.Request.Query, OrderFields);
        var (page, total) = query.Apply(store.OrdersOf(merchant));
        return ApiResponse.List(page.Select(o => (JsonNode)OrderJson.Order(o)), total, query.PageSize, query.Page);
    }

    private static readonly Dictionary<string, ListField<RefundOrder>> RefundFields = new()
    {
        ["id"] = new(FieldKind.Text, r => r.Id),
        ["parentId"] = new(FieldKind.Text, r => r.ParentId),
        ["merchantId"] = new(FieldKind.Text, r => r.MerchantId),
        ["merchantOrderId"] = new(FieldKind.Text, r => r.MerchantOrderId),
        ["status"] = new(FieldKind.Text, r => r.Status),
        ["amount"] = new(FieldKind.Money, r => r.Amount),
        ["createdAt"] = new(FieldKind.Date, r => r.CreatedAt),
    };

    private static ApiResponse ListRefunds(HttpContext context, OrderStore store)
    {
        var merchant = ApiGate.Merchant(context);
        RequireOwnMerchantId(merchant, context.Request.Query);
        var query = new ListQuery<RefundOrder>(context.Request.Query, RefundFields);
        var (page, total) = query.Apply(store.RefundsOf(merchant));
        return ApiResponse.List(page.Select(r => (JsonNode)OrderJson.Refund(r)), total, query.PageSize, query.Page);
    }

    /// <summary>The origin of <c>paymentUrl</c>: configured, else the one this request came to.</summary>
    public static string PublicOrigin(HttpContext context, EmulatorOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicOrigin)
            ? $"{context.Request.Scheme}://{context.Request.Host}"
            : options.PublicOrigin.TrimEnd('/');

    private static async Task<JsonObject> ReadObject(HttpRequest request)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw ApiException.BadJson(e.Message);
        }
        return node as JsonObject ?? throw ApiException.BadJson("the body must be a JSON object");
    }

    /// <summary>A <c>merchantId</c> that is not the token's merchant is a 403, not a validation error.</summary>
    private static void RequireOwnMerchantId(Merchant merchant, JsonObject body)
    {
        if (body.TryGetPropertyValue("merchantId", out var node) && node is JsonValue value
            && value.GetValueKind() == JsonValueKind.String
            && !string.Equals(value.GetValue<string>(), merchant.MerchantId, StringComparison.OrdinalIgnoreCase))
            throw ApiException.Forbidden();
    }

    private static void RequireOwnMerchantId(Merchant merchant, IQueryCollection query)
    {
        foreach (var key in new[] { "merchantId", "merchantId[]", "merchantId[_eq]" })
            if (query[key].Any(v => !string.Equals(v, merchant.MerchantId, StringComparison.OrdinalIgnoreCase)))
                throw ApiException.Forbidden();
    }
}
