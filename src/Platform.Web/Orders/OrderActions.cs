using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Data.Tenancy;
using Platform.Domain.Baskets;
using Platform.Domain.Catalog;
using Platform.Domain.Orders;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using Platform.Invoicebox.Refunds;
using Platform.Web.Account;
using Platform.Web.Localization;
using Platform.Web.Shop;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Orders;

/// <summary>What the merchant may do with an order: ask for a status re-check, cancel it unpaid, refund it paid.</summary>
public sealed class OrderActions(
    PlatformDbContext db,
    ITenantContext tenant,
    OrderStateStore states,
    InvoiceboxConnection invoicebox,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<OrderActions> log)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Enqueues the workers' reconciliation job for this order (Invoicebox is the truth; the job applies what it says).</summary>
    public async Task<bool> RecheckAsync(Guid orderId, CancellationToken ct)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == orderId, ct))
            return false;
        var tenantId = tenant.RequireTenantId();
        jobs.Enqueue<IOrderReconciler>(r => r.ReconcileOrderAsync(tenantId, orderId, CancellationToken.None));
        await states.NoteAsync(orderId, OrderEventSource.Merchant, "В кабинете запрошена перепроверка статуса.", ct);
        return true;
    }

    /// <returns>Null when canceled, else a sentence for the merchant.</returns>
    public async Task<string?> CancelAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        if (order.Status != OrderStatus.AwaitingPayment || order.InvoiceboxOrderId is null)
            return T("Отменить можно только заказ, который ждёт оплаты.", "Only an order awaiting payment can be canceled.");
        var (client, noClient) = await invoicebox.ClientAsync(ct);
        if (client is null)
            return noClient;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        OrderResponse answer;
        try
        {
            answer = await client.CancelOrderAsync(order.InvoiceboxOrderId, timeout.Token);
        }
        catch (InvoiceboxValidationException e) when (e.ErrorCode == "wrong_order_status")
        {
            await RecheckAsync(orderId, ct);
            return T("Инвойсбокс не отменил заказ: его статус уже другой (возможно, его только что оплатили). Статус перепроверяется.",
                "Invoicebox did not cancel the order: its status has changed (it may have just been paid). The status is being re-checked.");
        }
        catch (Exception e) when (e is InvoiceboxException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Cancel of order {OrderId} failed: {Failure}", orderId, e.GetType().Name);
            return FailureText(e);
        }

        if (OrderTransitions.FromInvoicebox(answer.Status) != OrderStatus.Canceled)
        {
            await RecheckAsync(orderId, ct);
            return T("Инвойсбокс ответил, что заказ не отменён. Статус перепроверяется.", "Invoicebox says the order is not canceled. The status is being re-checked.");
        }
        if (!await states.TryMoveAsync(orderId, OrderStatus.AwaitingPayment, OrderStatus.Canceled, OrderEventSource.Merchant,
                "Отменён магазином в кабинете.", ct: ct))
        {
            await RecheckAsync(orderId, ct);
            return T("Статус заказа изменился, пока шла отмена. Статус перепроверяется.", "The order's status changed meanwhile. The status is being re-checked.");
        }
        return null;
    }

    /// <summary>
    /// Refunds the given quantities of a paid order's lines. The refund row is saved first with a unique number, so a
    /// second click cannot create a second refund; then Invoicebox is asked; then the refunded quantities are recorded.
    /// An earlier refund whose outcome is not known is settled first (<see cref="SettleUncertainRefundsAsync"/>).
    /// </summary>
    /// <returns>Null when Invoicebox accepted the refund, else a sentence for the merchant.</returns>
    public async Task<string?> RefundAsync(Guid orderId, IReadOnlyDictionary<Guid, decimal> quantities, Guid? userId, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId, ct);
        if (order.Status != OrderStatus.Paid || order.InvoiceboxOrderId is null)
            return T("Вернуть можно только оплаченный заказ.", "Only a paid order can be refunded.");

        var requested = new List<(OrderLine Line, decimal Quantity)>();
        foreach (var line in order.Lines.OrderBy(l => l.Position))
        {
            var quantity = quantities.TryGetValue(line.Id, out var q) ? q : 0;
            if (quantity == 0)
                continue;
            var left = line.Quantity - line.RefundedQuantity;
            if (quantity < 0 || !BasketCalculator.IsValidQuantity(quantity) || quantity > left)
                return T($"«{line.Name}»: вернуть можно от 0 до {MoneyText.Quantity(left)}.", $"“{line.Name}”: you can refund 0 to {MoneyText.Quantity(left)}.");
            if (quantity != left && OkeiUnits.TryFind(line.MeasureCode, out var unit) && !unit.Accepts(quantity))
                return T($"«{line.Name}» продаётся по {MoneyText.Quantity(unit.QuantityStep)} {line.MeasureName}.", $"“{line.Name}” is sold in steps of {MoneyText.Quantity(unit.QuantityStep)} {line.MeasureName}.");
            requested.Add((line, quantity));
        }
        if (requested.Count == 0)
            return T("Укажите, что вернуть.", "Choose what to refund.");

        var (client, noClient) = await invoicebox.ClientAsync(ct);
        if (client is null)
            return noClient;
        if (await SettleUncertainRefundsAsync(order, client, ct) is { } unsettled)
            return unsettled;

        // Priced from the order's own lines (their catalog price at order time), by the same calculator that priced the order.
        var basket = BasketCalculator.Calculate(requested.Select(r => new BasketLineInput(
            r.Line.Name, r.Line.Sku, r.Line.CatalogPrice, r.Line.VatCode, r.Quantity, r.Line.MeasureName, r.Line.MeasureCode, r.Line.ItemType, r.Line.PaymentType)));
        var now = time.GetUtcNow();
        var sequence = await db.Refunds.CountAsync(r => r.OrderId == orderId, ct) + 1;
        var refund = new Refund
        {
            OrderId = orderId, MerchantRefundId = $"{order.MerchantOrderId}-R{sequence}", Amount = basket.Amount, VatAmount = basket.VatAmount,
            RequestedByUserId = userId, CreatedAt = now, UpdatedAt = now,
            Lines = requested.Select((r, i) => new RefundLine { OrderLineId = r.Line.Id, Quantity = r.Quantity, Amount = basket.Lines[i].Total, Vat = basket.Lines[i].Vat }).ToList(),
        };
        db.Refunds.Add(refund);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return RefundInFlight;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        string? problem = null;
        try
        {
            var answer = await client.CreateRefundAsync(CreateRefundRequest.FromBasket(
                order.InvoiceboxOrderId, refund.MerchantRefundId, $"Возврат по заказу {order.MerchantOrderId}", basket), timeout.Token);
            refund.InvoiceboxRefundId = answer.Id;
            refund.Status = RefundStatusFrom(answer.Status);
            foreach (var (line, quantity) in requested)
                line.RefundedQuantity += quantity;
        }
        catch (InvoiceboxTransientException e) when (!ct.IsCancellationRequested)
        {
            // A write with no answer may have happened: never retried blindly, the merchant checks the cabinet.
            refund.Status = RefundStatus.Unknown;
            refund.FailureReason = e.IsTimeout ? "timeout" : $"no usable answer ({e.StatusCode})";
            problem = T("Инвойсбокс не ответил. Возврат мог быть создан: при следующей попытке мы сначала спросим Инвойсбокс о нём и не вернём деньги дважды.",
                "Invoicebox did not answer. The refund may have been created: the next attempt first asks Invoicebox about it, so money is never returned twice.");
        }
        catch (Exception e) when (e is InvoiceboxException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            refund.Status = RefundStatus.Failed;
            refund.FailureReason = (e as InvoiceboxException)?.ErrorCode ?? e.GetType().Name;
            problem = FailureText(e);
        }
        refund.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        await states.NoteAsync(orderId, OrderEventSource.Merchant, OrderText.Timeline(() => refund.Status is RefundStatus.Created or RefundStatus.Completed
            ? $"Возврат {refund.MerchantRefundId} на {MoneyText.Rub(refund.Amount)} создан в Инвойсбоксе."
            : $"Возврат {refund.MerchantRefundId} на {MoneyText.Rub(refund.Amount)} не подтверждён Инвойсбоксом: {OrderText.Refund(refund.Status)}."), CancellationToken.None);
        return problem;
    }

    /// <summary>
    /// A refund sent without an answer (<see cref="RefundStatus.Unknown"/>), or saved by a process that stopped before
    /// asking (<see cref="RefundStatus.Requested"/> for longer than a call can take), may exist at Invoicebox. Before a new
    /// refund it is looked up by its number: found, it counts (its quantities are marked refunded) and the merchant decides
    /// again with that known; not found, it failed. A refund still in flight, or a lookup without an answer, stops the new one.
    /// </summary>
    /// <returns>Null when nothing uncertain is left and the new refund may go ahead, else a sentence for the merchant.</returns>
    private async Task<string?> SettleUncertainRefundsAsync(Order order, IInvoiceboxClient client, CancellationToken ct)
    {
        var stale = time.GetUtcNow() - 2 * CallTimeout;
        var uncertain = await db.Refunds.Include(r => r.Lines)
            .Where(r => r.OrderId == order.Id && (r.Status == RefundStatus.Unknown || r.Status == RefundStatus.Requested))
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        if (uncertain.Any(r => r.Status == RefundStatus.Requested && r.CreatedAt > stale))
            return RefundInFlight;

        var foundCreated = false;
        foreach (var refund in uncertain)
        {
            RefundOrderResponse? found;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(CallTimeout);
                try
                {
                    found = await client.FindRefundByMerchantOrderIdAsync(refund.MerchantRefundId, timeout.Token);
                }
                catch (Exception e) when (e is InvoiceboxException or OperationCanceledException && !ct.IsCancellationRequested)
                {
                    log.LogWarning("Looking up refund {RefundId} of order {OrderId} failed: {Failure}", refund.Id, order.Id, e.GetType().Name);
                    return T($"Инвойсбокс пока не сказал, создан ли возврат {refund.MerchantRefundId}, поэтому новый не отправлен. Попробуйте чуть позже.",
                        $"Invoicebox has not yet said whether refund {refund.MerchantRefundId} exists, so no new one was sent. Try again a little later.");
                }
            }
            // Claimed with a compare-and-set on the status, so two clicks settling the same refund count its lines once.
            await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
            {
                var settled = found is null ? RefundStatus.Failed : RefundStatusFrom(found.Status);
                var claimed = await db.Refunds.Where(r => r.Id == refund.Id && r.Status == refund.Status).ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, settled)
                    .SetProperty(r => r.InvoiceboxRefundId, found == null ? null : found.Id)
                    .SetProperty(r => r.FailureReason, found == null ? "not created (checked at Invoicebox)" : null)
                    .SetProperty(r => r.UpdatedAt, time.GetUtcNow()), CancellationToken.None);
                if (claimed == 0)
                    return RefundInFlight;
                if (found is not null)
                {
                    foreach (var refunded in refund.Lines)
                        order.Lines.Single(l => l.Id == refunded.OrderLineId).RefundedQuantity += refunded.Quantity;
                    await db.SaveChangesAsync(CancellationToken.None);
                    foundCreated = true;
                }
                await transaction.CommitAsync(CancellationToken.None);
            }
            await states.NoteAsync(order.Id, OrderEventSource.Merchant, found is null
                ? $"Возврат {refund.MerchantRefundId} в Инвойсбоксе не найден: он не был создан."
                : $"Возврат {refund.MerchantRefundId} на {MoneyText.Rub(refund.Amount)} найден в Инвойсбоксе: он был создан.", CancellationToken.None);
        }
        return foundCreated
            ? T("Возврат, о котором Инвойсбокс раньше не ответил, всё-таки создан — он учтён. Проверьте, что ещё нужно вернуть; новый возврат не отправлен.",
                "A refund Invoicebox had not answered about was created after all and is now counted. Check what is still to be refunded; no new refund was sent.")
            : null;
    }

    private static string RefundInFlight => T("Возврат по этому заказу уже создаётся. Обновите страницу.", "A refund of this order is already being created. Reload the page.");

    private static RefundStatus RefundStatusFrom(string invoiceboxStatus) => invoiceboxStatus switch
    {
        "completed" => RefundStatus.Completed,
        "canceled" => RefundStatus.Canceled,
        _ => RefundStatus.Created,
    };

    private static string FailureText(Exception e) => e switch
    {
        InvoiceboxCredentialsException => T("Инвойсбокс не принял данные подключения. Проверьте их в настройках магазина.", "Invoicebox refused the credentials. Check them in the shop settings."),
        InvoiceboxRateLimitedException => T("Слишком много запросов к Инвойсбоксу. Попробуйте через минуту.", "Too many requests to Invoicebox. Try again in a minute."),
        InvoiceboxNotFoundException => T("Инвойсбокс не нашёл этот заказ.", "Invoicebox does not know this order."),
        InvoiceboxValidationException v => T($"Инвойсбокс отклонил запрос ({v.ErrorCode ?? v.StatusCode?.ToString()}).", $"Invoicebox refused the request ({v.ErrorCode ?? v.StatusCode?.ToString()})."),
        _ => T("Инвойсбокс не ответил. Попробуйте ещё раз чуть позже.", "Invoicebox did not answer. Try again a little later."),
    };
}
