using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Faults;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Notifications;
using Invoicebox.Emulator.Orders;
using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Control;

/// <summary>
/// <c>/_emulator/*</c>: what tests and the demo use to look inside and to play the payer and the bank.
/// Never affected by faults or the rate limit. Errors use the Invoicebox error shape.
/// </summary>
public static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator");
        control.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (ApiException e)
            {
                return ApiResponse.Error(e);
            }
        });

        control.MapGet("/merchants", (MerchantRegistry merchants) => merchants.All);
        control.MapPost("/merchants", AddMerchant);
        control.MapPost("/merchants/{merchantId}/ping", Ping);

        control.MapGet("/orders", (OrderStore store, MerchantRegistry merchants) => store.AllOrders().Select(o => OrderSummary.From(o, merchants)));
        control.MapGet("/orders/{id}", (string id, OrderStore store) =>
            store.FindOrder(id) is { } order ? (IResult)ApiResponse.Data(OrderJson.Order(order)) : ApiResponse.Error(ApiException.NotFound("Order not found")));
        control.MapPost("/orders/{id}/expire", (string id, OrderStore store, MerchantRegistry merchants) => OrderSummary.From(store.Expire(id), merchants));
        control.MapGet("/refunds", (OrderStore store) => store.AllRefunds().Select(r => JsonNode.Parse(Json.PhpJson.Serialize(OrderJson.Refund(r)))));

        control.MapPost("/containers", OpenContainer);
        control.MapGet("/containers/{id}", (string id, OrderStore store, MerchantRegistry merchants) =>
            store.FindContainer(id) is { } c ? (IResult)TypedResults.Ok(ContainerSummary.From(c, merchants)) : ApiResponse.Error(ApiException.NotFound("Order container not found")));
        control.MapPost("/containers/{id}/pay", (string id, OrderStore store, MerchantRegistry merchants) => ContainerSummary.From(store.Pay(id), merchants));
        control.MapPost("/containers/{id}/decline", (string id, OrderStore store, MerchantRegistry merchants) => ContainerSummary.From(store.Decline(id), merchants));
        control.MapPost("/containers/{id}/hold", (string id, OrderStore store, MerchantRegistry merchants) => ContainerSummary.From(store.Hold(id), merchants));

        control.MapGet("/faults", (FaultState faults) => faults.Current);
        control.MapPost("/faults", SetFaults);

        control.MapGet("/notifications", (NotificationOutbox outbox) => outbox.Attempts);
        control.MapGet("/notifications/outbox", (NotificationOutbox outbox) => outbox.Records.Select(r => new
        {
            r.Id, r.Kind, r.OrderId, r.OrderStatus, r.MerchantId, r.Url, State = r.State.ToString().ToLowerInvariant(),
            r.AttemptsMade, r.NextAttemptAt, r.CreatedAt, r.Signature, r.Body,
        }));

        control.MapPost("/reset", (OrderStore store, NotificationOutbox outbox, FaultState faults, TokenRateLimiter limiter) =>
        {
            store.Reset();
            outbox.Reset();
            faults.Clear();
            limiter.Reset();
            return TypedResults.Ok(new { reset = true });
        });

        control.MapGet("/", (HttpContext context) => Results.Content(IndexPage.Html, "text/html; charset=utf-8"));
    }

    private static IResult AddMerchant(MerchantRequest request, MerchantRegistry merchants, TimeProvider clock)
    {
        var merchant = Merchant.From(new MerchantOptions
        {
            MerchantId = request.MerchantId ?? EmulatorIds.New(clock.GetUtcNow()),
            Token = request.Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            NotificationKey = request.NotificationKey ?? "notification-key-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Name = request.Name ?? "Тестовый магазин",
            Role = request.Role,
            NotificationUrl = request.NotificationUrl,
            UserId = request.UserId,
        });
        try
        {
            return TypedResults.Ok(merchants.Add(merchant));
        }
        catch (ArgumentException e)
        {
            return ApiResponse.Error(new ApiException(422, "validation", e.Message));
        }
    }

    private static IResult Ping(string merchantId, PingRequest request, MerchantRegistry merchants, NotificationOutbox outbox,
        HttpContext context, IOptions<EmulatorOptions> options)
    {
        var merchant = merchants.ById(merchantId) ?? throw ApiException.NotFound("Merchant not found");
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw ApiException.WrongValue("validation", "url must be an absolute http(s) URL", "url");
        var record = outbox.EnqueuePing(merchant, url.ToString(), InvoiceboxApi.PublicOrigin(context, options.Value));
        return TypedResults.Ok(new { notificationId = record.Id, record.OrderId, record.Url, record.Signature, record.Body });
    }

    private static async Task<IResult> OpenContainer(HttpContext context, MainContainers containers, IOptions<EmulatorOptions> options)
    {
        JsonObject? overrides = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                overrides = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            }
            catch (JsonException e)
            {
                throw ApiException.BadJson(e.Message);
            }
        }
        var order = containers.Open(InvoiceboxApi.PublicOrigin(context, options.Value), overrides);
        return TypedResults.Ok(new { containerId = order.ContainerId, orderId = order.Id, paymentUrl = order.PaymentUrl, merchantId = order.MerchantId });
    }

    private static IResult SetFaults(FaultSettings? faults, FaultState state)
    {
        faults ??= FaultSettings.None;
        if (!faults.IsValid)
            throw new ApiException(422, "validation", "latencyMs must be >= 0 and every rate within 0..1");
        state.Set(faults);
        return TypedResults.Ok(faults);
    }
}
