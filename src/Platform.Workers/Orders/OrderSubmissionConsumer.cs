using MassTransit;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Buyers;
using Platform.Data.Orders;
using Platform.Domain.Baskets;
using Platform.Domain.Buyers;
using Platform.Domain.Orders;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using Platform.ServiceDefaults.Invoicebox;

namespace Platform.Workers.Orders;

/// <summary>
/// Creates the Invoicebox order for an accepted order — exactly one, whatever is redelivered: the attempt counter is
/// raised before calling Invoicebox, and any later attempt first looks the order up by merchantOrderId and adopts it.
/// Validation and credential errors reject the order with a readable reason (no retry); transient errors are rethrown
/// for the bus to retry with backoff, then dead-letter (the outbox sweeper picks the order up again later).
/// </summary>
public sealed class OrderSubmissionConsumer(
    PlatformDbContext db,
    OrderStateStore states,
    TenantInvoicebox invoicebox,
    BuyerTokens tokens,
    PublicUrls urls,
    TimeProvider time,
    NpgsqlDataSource dataSource,
    ILogger<OrderSubmissionConsumer> log) : IConsumer<SubmitOrder>
{
    public async Task Consume(ConsumeContext<SubmitOrder> context)
    {
        var ct = context.CancellationToken;
        var orderId = context.Message.OrderId;
        // Two copies of the message (redelivery, sweeper) may arrive together; only one may talk to Invoicebox.
        await using var submissionLock = await OrderSubmissionLock.TryAcquireAsync(dataSource, orderId, ct);
        if (submissionLock is null)
        {
            log.LogInformation("Order {OrderId} is being submitted by another worker; this copy of the message is done", orderId);
            return;
        }
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            log.LogWarning("SubmitOrder for unknown order {OrderId} of tenant {TenantId}", orderId, context.Message.TenantId);
            return;
        }
        if (order.Status != OrderStatus.Accepted)
            return; // already submitted or rejected: a redelivery or a sweeper duplicate

        if (order.ExpiresAt <= time.GetUtcNow().AddMinutes(1))
        {
            await RejectAsync(order, "Срок оплаты истёк до того, как заказ удалось передать в Инвойсбокс.", ct);
            return;
        }
        var client = await invoicebox.ClientAsync(ct);
        if (client is null)
        {
            await RejectAsync(order, "Магазин не настроил приём оплаты через Инвойсбокс.", ct);
            return;
        }

        var previousAttempts = order.SubmitAttempts;
        await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.SubmitAttempts, o => o.SubmitAttempts + 1), ct);

        OrderResponse created;
        try
        {
            // An earlier attempt may have reached Invoicebox and then died before saving: never create twice.
            var existing = previousAttempts > 0 ? await client.FindByMerchantOrderIdAsync(order.MerchantOrderId, ct) : null;
            created = existing ?? await CreateOrAdoptAsync(client, order, ct);
            if (existing is not null)
                log.LogInformation("Order {OrderId} already existed at Invoicebox as {InvoiceboxOrderId}; adopting it", orderId, existing.Id);
        }
        catch (InvoiceboxException ex) when (!ex.IsTransient)
        {
            log.LogWarning("Invoicebox refused order {OrderId} of tenant {TenantId}: {Code} (request {RequestId})", orderId, order.TenantId, ex.ErrorCode, ex.RequestId);
            await RejectAsync(order, RejectionReason(ex), ct);
            return;
        }
        catch (InvoiceboxException ex)
        {
            await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.FailureReason,
                "Инвойсбокс временно недоступен, повторяем попытку."), ct);
            await states.NoteAsync(orderId, OrderEventSource.Worker, $"Попытка {previousAttempts + 1} не удалась: {TransientFailure(ex)}. Повторим.", ct);
            throw;
        }

        var moved = await states.TryMoveAsync(orderId, OrderStatus.Accepted, OrderStatus.AwaitingPayment, OrderEventSource.Worker,
            $"Заказ создан в Инвойсбоксе ({created.Id}), ждём оплату.",
            s => s.SetProperty(o => o.InvoiceboxOrderId, created.Id)
                .SetProperty(o => o.InvoiceboxContainerId, created.OrderContainerId)
                .SetProperty(o => o.PaymentUrl, created.PaymentUrl)
                .SetProperty(o => o.FailureReason, (string?)null), ct);
        if (moved)
            log.LogInformation("Order {OrderId} of tenant {TenantId} submitted as Invoicebox order {InvoiceboxOrderId}", orderId, order.TenantId, created.Id);
    }

    /// <summary>Creates the order; if Invoicebox says this merchantOrderId exists, an earlier attempt made it: adopt that one.</summary>
    private async Task<OrderResponse> CreateOrAdoptAsync(IInvoiceboxClient client, Order order, CancellationToken ct)
    {
        try
        {
            return await client.CreateOrderAsync(await BuildRequestAsync(order, ct), ct);
        }
        catch (InvoiceboxValidationException ex) when (ex.ErrorCode == "merchant_order_id_duplicate")
        {
            return await client.FindByMerchantOrderIdAsync(order.MerchantOrderId, ct)
                ?? throw new InvalidOperationException($"Invoicebox reports order {order.MerchantOrderId} as a duplicate but cannot find it.", ex);
        }
    }

    private async Task<CreateOrderRequest> BuildRequestAsync(Order order, CancellationToken ct)
    {
        var basket = BasketCalculator.Calculate(order.Lines.OrderBy(l => l.Position).Select(l => new BasketLineInput(
            l.Name, l.Sku, l.CatalogPrice, l.VatCode, l.Quantity, l.MeasureName, l.MeasureCode, l.ItemType, l.PaymentType)));
        if (basket.Amount != order.Amount || basket.VatAmount != order.VatAmount)
            throw new InvalidOperationException($"Order {order.Id}: stored amounts differ from its recomputed basket.");

        var email = order.BuyerEmail is null ? null : BuyerEmail.Normalize(order.BuyerEmail).Value;
        var phone = order.BuyerPhone is null ? null : BuyerPhone.Normalize("+" + order.BuyerPhone).Value;
        var resultToken = tokens.IssueResult(new OrderResultClaims(order.TenantId, order.Id), time.GetUtcNow());
        var shop = await db.Tenants.Where(t => t.Id == order.TenantId).Select(t => new { t.WebhookKey, t.DisplayName }).SingleAsync(ct);
        var isOrderMode = order.Mode == MinappType.Order;
        return CreateOrderRequest.FromBasket(basket, order.MerchantOrderId, Description(order, shop.DisplayName), order.ExpiresAt,
            Customer.Private(order.BuyerName, phone, email)) with
        {
            LanguageId = order.Locale,
            ShopId = order.ShopId,
            OrderContainerId = isOrderMode ? null : order.RequestedContainerId,
            NotificationUrl = urls.Notification(shop.WebhookKey),
            // Result screens exist for the main-order flow; in a suborder the buyer stays on Invoicebox's payment page.
            SuccessUrl = isOrderMode ? urls.Result(order.ShopId, order.Id, resultToken, success: true, order.Locale) : null,
            FailUrl = isOrderMode ? urls.Result(order.ShopId, order.Id, resultToken, success: false, order.Locale) : null,
        };
    }

    private static string Description(Order order, string shop)
    {
        var text = order.Locale == "en" ? $"Order {order.MerchantOrderId}, {shop}" : $"Заказ №{order.MerchantOrderId}, {shop}";
        return text.Length <= 1000 ? text : text[..1000];
    }

    private Task RejectAsync(Order order, string reason, CancellationToken ct) =>
        states.TryMoveAsync(order.Id, OrderStatus.Accepted, OrderStatus.Rejected, OrderEventSource.Worker, reason,
            s => s.SetProperty(o => o.FailureReason, reason), ct);

    /// <summary>What the merchant reads on the timeline about a failed attempt: plain words, the request id for Invoicebox support.</summary>
    internal static string TransientFailure(InvoiceboxException ex) => (ex switch
    {
        InvoiceboxRateLimitedException => "Инвойсбокс просит подождать (слишком много запросов)",
        InvoiceboxTransientException { IsTimeout: true } => "Инвойсбокс не ответил вовремя",
        { StatusCode: { } status } => $"Инвойсбокс ответил ошибкой HTTP {status}",
        _ => "нет связи с Инвойсбоксом",
    }) + (string.IsNullOrEmpty(ex.RequestId) ? "" : $" (номер запроса для поддержки Инвойсбокса: {ex.RequestId})");

    private static string RejectionReason(InvoiceboxException ex) => ex switch
    {
        InvoiceboxCredentialsException => "Магазин не может принять оплату: Инвойсбокс не принял его учётные данные.",
        InvoiceboxNotFoundException => "Счёт, к которому добавляется заказ, не найден в Инвойсбоксе.",
        InvoiceboxValidationException when ex.ErrorCode == "wrong_order_status" => "Счёт уже оплачен или закрыт — добавить в него заказ нельзя.",
        InvoiceboxValidationException => $"Инвойсбокс отклонил заказ ({ex.ErrorCode ?? "validation"}).",
        _ => $"Инвойсбокс отклонил заказ ({ex.ErrorCode ?? ex.StatusCode?.ToString() ?? "error"}).",
    };
}

/// <summary>Retry policy of the submission endpoint: transient Invoicebox failures only, with backoff; then the error queue.</summary>
public sealed class OrderSubmissionConsumerDefinition : ConsumerDefinition<OrderSubmissionConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<OrderSubmissionConsumer> consumer,
        IRegistrationContext context)
    {
        endpoint.UseMessageRetry(r =>
        {
            // Refusals never get here (the consumer rejects the order); what is thrown is worth another try.
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        });
        endpoint.PrefetchCount = 16;
        endpoint.ConcurrentMessageLimit = 8;
    }
}
